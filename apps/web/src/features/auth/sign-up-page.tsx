import { signUpInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link, useLocation } from "react-router";
import type { z } from "zod";
import { safeNext } from "../../app/guards";
import { EmailField, Form, FormPage, PasswordField } from "../../components/form-parts";
import { Button, TextField } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { useEnterSession } from "../../lib/use-session";

type Values = z.input<typeof signUpInput>;
const fields = ["email", "username", "displayName", "password"] as const;

export function SignUpPage() {
  const trpc = useTRPC();
  const enter = useEnterSession();
  // Back to where the visitor was (e.g. the club they want to join), else home.
  const location = useLocation();
  const form = useForm<Values, unknown, z.output<typeof signUpInput>>({ resolver: zodResolver(signUpInput) });
  const { formError, clear, onError } = useServerErrors(form, fields);
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  const onSubmit = form.handleSubmit((values) => {
    clear();
    signUp.mutate(values, {
      onSuccess: (grant) => enter(grant, safeNext(location.search)),
      onError,
    });
  });

  return (
    <FormPage title="Create your account" subtitle="Join a club, pick a book, race your friends to the last page.">
      <Form onSubmit={onSubmit} error={formError}>
        <EmailField {...fieldProps(form, "email")} />
        <TextField
          label="Username"
          autoComplete="username"
          hint="Lowercase letters, digits and underscores; how friends find you."
          {...fieldProps(form, "username")}
        />
        <TextField label="Display name" autoComplete="name" {...fieldProps(form, "displayName")} />
        <PasswordField
          label="Password"
          isNew
          hint="At least 8 characters. Common, breached passwords are refused."
          {...fieldProps(form, "password")}
        />
        <Button type="submit" busy={signUp.isPending}>
          Sign up
        </Button>
        <p className="text-center text-sm">
          Already a member?{" "}
          <Link to={`/log-in${location.search}`} className="font-semibold text-brand-700 underline dark:text-brand-500">
            Log in
          </Link>
        </p>
      </Form>
    </FormPage>
  );
}
