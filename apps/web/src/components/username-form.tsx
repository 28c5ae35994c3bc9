import { usernameInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerFieldErrors, errorMessage } from "../lib/errors";
import { fieldProps } from "../lib/form";
import { Alert, Button, Card, TextField } from "./ui";

type Sending<V> = {
  mutate: (input: V, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
  isSuccess: boolean;
  variables: V | undefined;
};

/**
 * A card with one field, a member's username, that `send` turns into a request
 * (a friend request, a club invitation). Every refusal is about that username,
 * so it shows under the field; `sent` says who it went to.
 */
export function UsernameForm<V extends { username: string }>({
  title,
  label,
  placeholder,
  submitLabel,
  send,
  toInput,
  sent,
}: {
  title: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  send: Sending<V>;
  toInput: (username: string) => V;
  sent: (username: string) => string;
}) {
  const form = useForm<z.input<typeof usernameInput>>({
    resolver: zodResolver(usernameInput),
    defaultValues: { username: "" },
  });
  const onSubmit = form.handleSubmit(({ username }) =>
    send.mutate(toInput(username), {
      onSuccess: () => form.reset({ username: "" }),
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, ["username"])) {
          form.setError("username", { type: "server", message: errorMessage(error) });
        }
      },
    }),
  );
  return (
    <Card title={title}>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
        <TextField
          label={label}
          placeholder={placeholder}
          autoComplete="off"
          className="min-w-48 flex-1"
          {...fieldProps(form, "username")}
        />
        <Button type="submit" busy={send.isPending} className="mt-6">
          {submitLabel}
        </Button>
      </form>
      {send.isSuccess && send.variables && !form.formState.isDirty && (
        <div className="mt-3">
          <Alert tone="success">{sent(send.variables.username)}</Alert>
        </div>
      )}
    </Card>
  );
}
