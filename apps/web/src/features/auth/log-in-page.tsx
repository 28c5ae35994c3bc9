import { logInInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useLocation, useNavigate } from "react-router";
import type { z } from "zod";
import { safeNext } from "../../app/guards";
import { Alert, Button, Card, PageTitle, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { sessionStore } from "../../lib/session-store";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof logInInput>;

export function LogInPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const location = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof logInInput>>({ resolver: zodResolver(logInInput) });
  const logIn = useMutation(trpc.auth.logIn.mutationOptions());

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    logIn.mutate(values, {
      onSuccess: (grant) => {
        sessionStore.grant(grant);
        navigate(safeNext(location.search), { replace: true });
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, ["email", "password"])) setFormError(errorMessage(error));
      },
    });
  });

  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Welcome back. Your club is waiting.">Log in</PageTitle>
      <Card>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="E-mail" type="email" autoComplete="email" {...fieldProps(form, "email")} />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            {...fieldProps(form, "password")}
          />
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
        </form>
      </Card>
    </div>
  );
}
