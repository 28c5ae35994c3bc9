import { inviteInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";

type Values = z.input<typeof inviteInput>;

/** Admins invite a member by username; the invitee accepts from their home page. */
export function InviteForm({ clubId }: { clubId: string }) {
  const trpc = useTRPC();
  const form = useForm<Values>({ resolver: zodResolver(inviteInput), defaultValues: { clubId, username: "" } });
  const invite = useMutation(trpc.clubs.invite.mutationOptions());
  const onSubmit = form.handleSubmit((values) =>
    invite.mutate(values, {
      onSuccess: () => form.reset({ clubId, username: "" }),
      // "No member is called…" and "Already a member" are about the username: show them under it.
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, ["username"])) {
          form.setError("username", { type: "server", message: errorMessage(error) });
        }
      },
    }),
  );
  return (
    <Card title="Invite a reader">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <TextField
          label="Username"
          placeholder="their_username"
          autoComplete="off"
          className="min-w-48 flex-1"
          {...fieldProps(form, "username")}
        />
        <Button type="submit" busy={invite.isPending} className="mt-6">
          Send invitation
        </Button>
      </form>
      {invite.isSuccess && !form.formState.isDirty && (
        <div className="mt-3">
          <Alert tone="success">Invitation sent to @{invite.variables.username}.</Alert>
        </div>
      )}
    </Card>
  );
}
