import { logInInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link, useLocation } from "react-router";
import type { z } from "zod";
import { safeNext } from "../../app/guards";
import { EmailField, Form, FormPage, PasswordField } from "../../components/form-parts";
import { Button } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { useEnterSession } from "../../lib/use-session";

type Values = z.input<typeof logInInput>;

export function LogInPage() {
  const trpc = useTRPC();
  const enter = useEnterSession();
  const location = useLocation();
  const form = useForm<Values, unknown, z.output<typeof logInInput>>({ resolver: zodResolver(logInInput) });
  const { formError, clear, onError } = useServerErrors(form, ["email", "password"]);
  const logIn = useMutation(trpc.auth.logIn.mutationOptions());

  const onSubmit = form.handleSubmit((values) => {
    clear();
    logIn.mutate(values, {
      onSuccess: (grant) => enter(grant, safeNext(location.search)),
      onError,
    });
  });

  return (
    <FormPage title="Log in" subtitle="Welcome back. Your club is waiting.">
      <Form onSubmit={onSubmit} error={formError}>
        <EmailField {...fieldProps(form, "email")} />
        <PasswordField label="Password" {...fieldProps(form, "password")} />
        <Button type="submit" busy={logIn.isPending}>
          Log in
        </Button>
        <div className="flex justify-between text-sm">
          <Link to="/forgot-password" className="underline">
            Forgot your password?
          </Link>
          <Link to="/sign-up" className="font-semibold text-brand-700 underline dark:text-brand-500">
            Create an account
          </Link>
        </div>
      </Form>
    </FormPage>
  );
}
