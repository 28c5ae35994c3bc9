import { signUpInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import { Alert, Button, Card, PageTitle, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { sessionStore } from "../../lib/session-store";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof signUpInput>;
const fields = ["email", "username", "displayName", "password"] as const;

export function SignUpPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof signUpInput>>({ resolver: zodResolver(signUpInput) });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    signUp.mutate(values, {
      onSuccess: (grant) => {
        sessionStore.grant(grant);
        navigate("/", { replace: true });
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, fields)) setFormError(errorMessage(error));
      },
    });
  });

  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Join a club, pick a book, race your friends to the last page.">
        Create your account
      </PageTitle>
      <Card>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {formError && <Alert>{formError}</Alert>}
          <TextField label="E-mail" type="email" autoComplete="email" {...fieldProps(form, "email")} />
          <TextField
            label="Username"
            autoComplete="username"
            hint="Lowercase letters, digits and underscores; how friends find you."
            {...fieldProps(form, "username")}
          />
          <TextField label="Display name" autoComplete="name" {...fieldProps(form, "displayName")} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 8 characters. Common, breached passwords are refused."
            {...fieldProps(form, "password")}
          />
          <Button type="submit" busy={signUp.isPending}>
            Sign up
          </Button>
          <p className="text-center text-sm">
            Already a member?{" "}
            <Link to="/log-in" className="font-semibold text-brand-700 underline dark:text-brand-500">
              Log in
            </Link>
          </p>
        </form>
      </Card>
    </div>
  );
}
