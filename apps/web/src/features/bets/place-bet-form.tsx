import { placeBetInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, SelectField, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { type Horse, useRefreshPoints } from "./use-bet-pool";

type Values = z.input<typeof placeBetInput>;

/**
 * Stake points on one attendee. The form checks the server's own schema
 * first; what only the server knows (the balance, who is going) comes back
 * as a message next to its field.
 */
export function PlaceBetForm({
  meetingId,
  horses,
  myId,
  onPlaced,
  focusOnMount = false,
}: {
  meetingId: string;
  horses: readonly Horse[];
  myId: string | null;
  onPlaced: () => void;
  /** After a cancelled bet the form comes back: put the member where they can bet again. */
  focusOnMount?: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshPoints();
  const balance = useQuery(trpc.points.balance.queryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof placeBetInput>>({
    resolver: zodResolver(placeBetInput),
    defaultValues: { meetingId, horseId: "" },
  });
  useEffect(() => {
    if (focusOnMount) form.setFocus("horseId");
  }, [focusOnMount, form]);
  // Told before the refresh: once it lands this form is gone, and with it any callback given to `mutate`.
  const place = useMutation(
    trpc.bets.place.mutationOptions({
      onSuccess: () => {
        onPlaced();
        return refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    place.mutate(values, {
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError, ["horseId", "stake"])) setFormError(errorMessage(error));
      },
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Place a bet" className="flex flex-col gap-3">
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <SelectField label="Who will finish first?" {...fieldProps(form, "horseId")}>
          <option value="">Pick an attendee</option>
          {horses.map(({ horse }) => (
            <option key={horse.id} value={horse.id}>
              {horse.displayName}
              {horse.id === myId ? " (you)" : ""}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Stake (points)"
          type="number"
          inputMode="numeric"
          min={1}
          hint={balance.data ? `You have ${balance.data.balance.toLocaleString()} points.` : undefined}
          {...fieldProps(form, "stake")}
          {...form.register("stake", { valueAsNumber: true })}
        />
        <Button type="submit" busy={place.isPending} className="sm:mt-6">
          Place bet
        </Button>
      </div>
    </form>
  );
}
