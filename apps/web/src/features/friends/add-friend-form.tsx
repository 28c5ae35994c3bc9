import { friendRequestInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, Card, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useFriendActions } from "./use-friend-actions";

type Values = z.input<typeof friendRequestInput>;

export function AddFriendForm() {
  const { request } = useFriendActions();
  const form = useForm<Values>({ resolver: zodResolver(friendRequestInput), defaultValues: { username: "" } });
  const onSubmit = form.handleSubmit((values) =>
    request.mutate(values, {
      onSuccess: () => form.reset({ username: "" }),
      // Every refusal here (unknown member, already friends, a pending request) is about this username.
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, ["username"])) {
          form.setError("username", { type: "server", message: errorMessage(error) });
        }
      },
    }),
  );
  return (
    <Card title="Add a friend">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <TextField
          label="Their username"
          placeholder="username"
          autoComplete="off"
          className="min-w-48 flex-1"
          {...fieldProps(form, "username")}
        />
        <Button type="submit" busy={request.isPending} className="mt-6">
          Send friend request
        </Button>
      </form>
      {request.isSuccess && !form.formState.isDirty && (
        <div className="mt-3">
          <Alert tone="success">Friend request sent to @{request.variables.username}.</Alert>
        </div>
      )}
    </Card>
  );
}
