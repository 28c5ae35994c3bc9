import { changePasswordInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Form, PasswordField } from "../../components/form-parts";
import { Alert, Button, Card } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof changePasswordInput>;

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useForm<Values>({ resolver: zodResolver(changePasswordInput) });
  const { errors } = form.formState;
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  const onSubmit = form.handleSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => form.reset({ currentPassword: "", newPassword: "" }),
      onError: (error) => applyServerFieldErrors(error, form.setError, ["currentPassword", "newPassword"]),
    }),
  );

  return (
    <Card title="Password">
      <Form onSubmit={onSubmit} error={change.isError && !Object.keys(errors).length && errorMessage(change.error)}>
        {change.isSuccess && (
          <Alert tone="success">
            Password changed. {change.data.revokedSessions} other device
            {change.data.revokedSessions === 1 ? " was" : "s were"} signed out.
          </Alert>
        )}
        <PasswordField label="Current password" {...fieldProps(form, "currentPassword")} />
        <PasswordField label="New password" isNew {...fieldProps(form, "newPassword")} />
        <div>
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </Form>
    </Card>
  );
}
