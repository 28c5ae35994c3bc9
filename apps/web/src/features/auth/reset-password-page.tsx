import { passwordSchema } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { Form, FormPage, PasswordField } from "../../components/form-parts";
import { Alert, Button } from "../../components/ui";
import { applyServerFieldErrors, errorMessage, isTRPCError } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

const formSchema = z
  .object({ newPassword: passwordSchema, confirm: z.string() })
  .refine((value) => value.newPassword === value.confirm, { path: ["confirm"], message: "Passwords do not match" });
type Values = z.input<typeof formSchema>;

export function ResetPasswordPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const form = useForm<Values>({ resolver: zodResolver(formSchema) });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(({ newPassword }) =>
    reset.mutate(
      { token, newPassword },
      { onError: (error) => applyServerFieldErrors(error, form.setError, ["newPassword"]) },
    ),
  );
  const tokenProblem =
    !token ||
    (isTRPCError(reset.error) &&
      reset.error.data?.zodError?.fieldErrors &&
      "token" in reset.error.data.zodError.fieldErrors);

  return (
    <FormPage title="Choose a new password">
      {reset.isSuccess ? (
        <Alert tone="success">
          Your password is changed and every device was signed out.{" "}
          <Link to="/log-in" className="font-semibold underline">
            Log in with your new password
          </Link>
          .
        </Alert>
      ) : tokenProblem ? (
        <Alert>
          This reset link is invalid, expired or already used.{" "}
          <Link to="/forgot-password" className="font-semibold underline">
            Ask for a new one
          </Link>
          .
        </Alert>
      ) : (
        <Form onSubmit={onSubmit} error={reset.isError && !errors.newPassword && errorMessage(reset.error)}>
          <PasswordField label="New password" isNew {...fieldProps(form, "newPassword")} />
          <PasswordField label="Repeat new password" isNew {...fieldProps(form, "confirm")} />
          <Button type="submit" busy={reset.isPending}>
            Change password
          </Button>
        </Form>
      )}
    </FormPage>
  );
}
