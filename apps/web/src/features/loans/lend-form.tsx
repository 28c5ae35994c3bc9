import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MutationError } from "../../components/query-view";
import { Button, SelectField, TextField } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** Lends one of the caller's copies open to lending to a friend or club-mate, found by username, until a date. */
export function LendForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const copies = useQuery(trpc.copies.mine.queryOptions({ availability: "open_to_lend", limit: 50 }));
  const [copyId, setCopyId] = useState("");
  const [username, setUsername] = useState("");
  const [dueOn, setDueOn] = useState(inTwoWeeks);
  const [problem, setProblem] = useState<string | null>(null);
  const lend = useMutation(
    trpc.loans.lend.mutationOptions({
      onSuccess: () => {
        setUsername("");
        return queryClient.invalidateQueries({ queryKey: trpc.loans.pathKey() });
      },
    }),
  );
  const items = copies.data?.items ?? [];
  if (copies.isSuccess && items.length === 0) {
    return <p className="text-sm">Mark one of your copies as open to lend (on its book's page) to lend it here.</p>;
  }
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setProblem(null);
        try {
          const member = await queryClient.fetchQuery(
            trpc.users.get.queryOptions({ username: username.trim().replace(/^@/, "") }),
          );
          await lend.mutateAsync({ copyId: copyId || (items[0]?.id ?? ""), borrowerId: member.id, dueOn });
        } catch (error) {
          if (!lend.isError) setProblem(errorMessage(error));
        }
      }}
    >
      <SelectField label="Copy" value={copyId} onChange={(event) => setCopyId(event.target.value)}>
        {items.map((copy) => (
          <option key={copy.id} value={copy.id}>
            {copy.book.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Lend to (username)"
        value={username}
        required
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField label="Due back on" type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
      <Button type="submit" busy={lend.isPending} className="self-start">
        Lend
      </Button>
      {problem && <p role="alert">{problem}</p>}
      <MutationError of={[lend]} />
    </form>
  );
}
