import { requestPasswordResetInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { Alert, Button, Card, PageTitle, TextField } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof requestPasswordResetInput>;

export function ForgotPasswordPage() {
  const trpc = useTRPC();
  const form = useForm<Values, unknown, z.output<typeof requestPasswordResetInput>>({
    resolver: zodResolver(requestPasswordResetInput),
  });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const onSubmit = form.handleSubmit((values) => request.mutate(values));

  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="We will e-mail you a link to choose a new one.">Forgot your password?</PageTitle>
      <Card>
        {request.isSuccess ? (
          <Alert tone="success">
            If an account exists for <strong>{request.variables.email}</strong>, a reset link is on its way. It works
            once and expires soon.
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            {request.isError && <Alert>{errorMessage(request.error)}</Alert>}
            <TextField label="E-mail" type="email" autoComplete="email" {...fieldProps(form, "email")} />
            <Button type="submit" busy={request.isPending}>
              Send reset link
            </Button>
          </form>
        )}
        <p className="mt-4 text-center text-sm">
          <Link to="/log-in" className="underline">
            Back to log in
          </Link>
        </p>
      </Card>
    </div>
  );
}
