import type { ReactNode } from "react";
import { ActionGroup, Button } from "./ui";

type Pending<V> = { isPending: boolean; variables?: V | undefined };
type RowMutation<V> = Pending<V> & { mutate: (input: V) => void };

/** Whether `mutation` is running for the row whose `key` is `value` (other rows stay clickable). */
export function pendingFor<V, K extends keyof V>(mutation: Pending<V>, key: K, value: V[K]): boolean {
  return mutation.isPending && mutation.variables?.[key] === value;
}

/** A small button that runs `mutation` with `input`, busy while it runs for this row (`by` names the row's id). */
export function RowButton<V>({
  mutation,
  input,
  by,
  variant = "primary",
  children,
}: {
  mutation: RowMutation<V>;
  input: V;
  by: keyof V;
  variant?: "primary" | "secondary";
  children: ReactNode;
}) {
  return (
    <Button
      variant={variant}
      className="px-3 py-1"
      busy={pendingFor(mutation, by, input[by])}
      onClick={() => mutation.mutate(input)}
    >
      {children}
    </Button>
  );
}

/** The yes/no answer to something pending (a request, an invitation), named for assistive technology. */
export function DecisionActions<V>({
  label,
  input,
  by,
  accept,
  acceptLabel = "Accept",
  decline,
}: {
  label: string;
  input: V;
  by: keyof V;
  accept: RowMutation<V>;
  acceptLabel?: string;
  decline: RowMutation<V>;
}) {
  return (
    <ActionGroup label={label}>
      <RowButton mutation={accept} input={input} by={by}>
        {acceptLabel}
      </RowButton>
      <RowButton mutation={decline} input={input} by={by} variant="secondary">
        Decline
      </RowButton>
    </ActionGroup>
  );
}
