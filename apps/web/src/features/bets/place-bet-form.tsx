import { placeBetInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Button, SearchInput, SelectField, TextField } from "../../components/ui";
import { applyServerFieldErrors, errorMessage } from "../../lib/errors";
import { fieldProps } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { type Horse, useRefreshPoints } from "./use-bet-pool";

type Values = z.input<typeof placeBetInput>;

/**
 * The attendees to pick from: the pool's horses loaded so far or, once the
 * member searches (a big meeting's pool comes a page at a time), those whose
 * name matches; the one picked stays listed while the search changes.
 */
function useHorseChoices(meetingId: string, loaded: readonly Horse[], pickedId: string) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = useDebouncedValue(search.trim());
  const found = useQuery({
    ...trpc.bets.forMeeting.queryOptions({ meetingId, search: term, limit: 20 }),
    enabled: term !== "",
    placeholderData: keepPreviousData,
  });
  const shown = term === "" ? loaded : (found.data?.horses ?? []);
  const seen = useRef(new Map<string, Horse>());
  for (const horse of shown) seen.current.set(horse.horse.id, horse);
  const picked = seen.current.get(pickedId);
  const choices = picked && !shown.includes(picked) ? [picked, ...shown] : shown;
  const matches = term === "" || !found.data ? null : found.data.horses.length;
  return { search, setSearch, choices, matches, more: term !== "" && Boolean(found.data?.nextCursor) };
}

/** "3 attendees match", said under the search as it answers. */
function matchesHint(matches: number | null, more: boolean) {
  if (matches === null) return undefined;
  if (matches === 0) return "No attendee matches: try part of their name or username.";
  return `${matches}${more ? "+" : ""} attendee${matches === 1 && !more ? " matches" : "s match"}: pick one below.`;
}

/**
 * Stake points on one attendee. The form checks the server's own schema
 * first; what only the server knows (the balance, who is going) comes back
 * as a message next to its field. When the pool has more horses than shown,
 * "Find an attendee" searches them all by name.
 */
export function PlaceBetForm({
  meetingId,
  horses,
  searchable,
  myId,
  onPlaced,
  focusOnMount = false,
}: {
  meetingId: string;
  horses: readonly Horse[];
  /** Whether there are horses beyond those loaded: then the member may search for one. */
  searchable: boolean;
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
  const choices = useHorseChoices(meetingId, horses, form.watch("horseId"));
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
      {(searchable || choices.search !== "") && (
        <search>
          <SearchInput
            label="Find an attendee"
            value={choices.search}
            onChange={choices.setSearch}
            placeholder="Part of their name or username"
          />
          <p aria-live="polite" className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {matchesHint(choices.matches, choices.more)}
          </p>
        </search>
      )}
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
        <SelectField label="Who will finish first?" {...fieldProps(form, "horseId")}>
          <option value="">Pick an attendee</option>
          {choices.choices.map(({ horse }) => (
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
