import { requestPasswordResetInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import type { z } from "zod";
import { EmailField, Form, FormPage } from "../../components/form-parts";
import { Alert, Button } from "../../components/ui";
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
    <FormPage title="Forgot your password?" subtitle="We will e-mail you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert tone="success">
          If an account exists for <strong>{request.variables.email}</strong>, a reset link is on its way. It works once
          and expires soon.
        </Alert>
      ) : (
        <Form onSubmit={onSubmit} error={request.isError && errorMessage(request.error)}>
          <EmailField {...fieldProps(form, "email")} />
          <Button type="submit" busy={request.isPending}>
            Send reset link
          </Button>
        </Form>
      )}
      <p className="mt-4 text-center text-sm">
        <Link to="/log-in" className="underline">
          Back to log in
        </Link>
      </p>
    </FormPage>
  );
}
