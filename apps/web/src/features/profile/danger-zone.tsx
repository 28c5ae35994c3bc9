import { deleteAccountInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { PasswordField } from "../../components/form-parts";
import { Alert, Button, Card } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { useLeaveSession } from "../../lib/use-session";

type Values = z.input<typeof deleteAccountInput>;

export function DangerZone() {
  const trpc = useTRPC();
  const leave = useLeaveSession();
  const everywhere = useMutation(trpc.auth.logOutEverywhere.mutationOptions({ onSuccess: () => leave("/log-in") }));
  const form = useForm<Values>({ resolver: zodResolver(deleteAccountInput) });
  const remove = useMutation(trpc.users.deleteAccount.mutationOptions());
  const onDelete = form.handleSubmit((values) =>
    remove.mutate(values, {
      onSuccess: () => leave("/", { replace: true }),
      onError: (error) => applyServerFieldErrors(error, form.setError, ["password"]),
    }),
  );

  return (
    <Card title="Sessions and account">
      <div className="flex flex-col gap-6">
        <div className="flex flex-col items-start gap-2">
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Lost a phone or used a shared computer? Sign out of Booky on every device, including this one.
          </p>
          {everywhere.isError && <Alert>{errorMessage(everywhere.error)}</Alert>}
          <Button variant="secondary" busy={everywhere.isPending} onClick={() => everywhere.mutate()}>
            Log out everywhere
          </Button>
        </div>
        <form
          onSubmit={onDelete}
          noValidate
          className="flex flex-col gap-3 border-t border-stone-200 pt-6 dark:border-stone-800"
        >
          <h3 className="font-semibold text-red-800 dark:text-red-300">Delete account</h3>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Your profile, e-mail and sessions are erased. What you wrote in clubs stays, signed “Deleted member”.
          </p>
          {remove.isError && !form.formState.errors.password && <Alert>{errorMessage(remove.error)}</Alert>}
          <PasswordField label="Confirm with your password" {...fieldProps(form, "password")} />
          <div>
            <Button type="submit" variant="danger" busy={remove.isPending}>
              Delete my account
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
