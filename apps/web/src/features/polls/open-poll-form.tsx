import { openPollInput } from "@booky/domain";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { Alert, Button, TextField } from "../../components/ui";
import { fieldProps, useServerErrors } from "../../lib/form";
import { useTRPC } from "../../lib/trpc";
import type { Proposal } from "./types";

type Values = z.input<typeof openPollInput>;

/** A club admin opens a poll among proposals, ranked choice or approval, with a closing time. */
export function OpenPollForm({ clubId, slug, proposals }: { clubId: string; slug: string; proposals: Proposal[] }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values, unknown, z.output<typeof openPollInput>>({
    resolver: zodResolver(openPollInput),
    defaultValues: { clubId, kind: "ranked", proposalIds: [], hideResults: false },
  });
  const { formError, clear, onError } = useServerErrors(form, ["kind", "proposalIds", "closesAt"]);
  const open = useMutation(
    trpc.polls.open.mutationOptions({
      onSuccess: (poll) => {
        void queryClient.invalidateQueries({ queryKey: trpc.polls.list.pathKey() });
        return navigate(`/clubs/${slug}/polls/${poll.id}`);
      },
    }),
  );
  const optionsError = form.formState.errors.proposalIds?.message;
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        clear();
        open.mutate(values, { onError });
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Voting</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="ranked" {...form.register("kind")} /> Ranked choice (instant runoff)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="approval" {...form.register("kind")} /> Approval (tick every book you would read)
        </label>
      </fieldset>
      <fieldset className="flex flex-col gap-1" aria-describedby={optionsError ? "poll-options-error" : undefined}>
        <legend className="text-sm font-medium">Books on the ballot</legend>
        {proposals.map((proposal) => (
          <label key={proposal.id} className="flex items-center gap-2">
            <input type="checkbox" value={proposal.id} {...form.register("proposalIds")} /> {proposal.book.title}
          </label>
        ))}
        {optionsError && (
          <p id="poll-options-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {optionsError}
          </p>
        )}
      </fieldset>
      <TextField label="Closes at" type="datetime-local" {...fieldProps(form, "closesAt")} />
      <label className="flex items-center gap-2">
        <input type="checkbox" {...form.register("hideResults")} /> Hide the results until the poll closes
      </label>
      <div>
        <Button type="submit" busy={open.isPending}>
          Open poll
        </Button>
      </div>
    </form>
  );
}
