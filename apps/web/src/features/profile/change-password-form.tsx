import { changePasswordInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, TextField } from "../../components/ui";
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
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {change.isSuccess && (
          <Alert tone="success">
            Password changed. {change.data.revokedSessions} other device
            {change.data.revokedSessions === 1 ? " was" : "s were"} signed out.
          </Alert>
        )}
        {change.isError && !Object.keys(errors).length && <Alert>{errorMessage(change.error)}</Alert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...fieldProps(form, "currentPassword")}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          {...fieldProps(form, "newPassword")}
        />
        <div>
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
    </Card>
  );
}
