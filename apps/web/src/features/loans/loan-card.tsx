import { markFor } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MutationError } from "../../components/query-view";
import { ActionGroup, Button } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { conditionLabel } from "../shelves/labels";

type Loan = RouterOutputs["loans"]["mine"]["items"][number];

const statusLabel: Record<Loan["status"], string> = {
  arranged: "arranged, not handed over yet",
  out: "lent out",
  returned: "returned",
  cancelled: "called off",
};

/**
 * One loan from the caller's side: the book, the other member, the due date
 * and where it stands; the hand-over and the return each need both sides'
 * confirmation, so each side sees what it still has to confirm.
 */
export function LoanCard({ loan, role }: { loan: Loan; role: "lent" | "borrowed" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: trpc.loans.pathKey() });
  const confirm = useMutation(trpc.loans.confirm.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.loans.cancel.mutationOptions({ onSuccess }));
  const lender = role === "lent";
  const other = lender ? loan.borrower : loan.lender;
  const side = lender ? "lender" : "borrower";
  const handedMine = loan[markFor(side, "handover")];
  const returnMine = loan[markFor(side, "return")];
  const confirmStep = (what: "handover" | "return", label: string) => (
    <Button className="px-3 py-1" busy={confirm.isPending} onClick={() => confirm.mutate({ loanId: loan.id, what })}>
      {label}
    </Button>
  );
  const overdue = loan.status === "out" && loan.dueOn < new Date().toISOString().slice(0, 10);
  return (
    <li className="flex flex-col gap-2 py-3" aria-label={`Loan of ${loan.book.title}`}>
      <p className="font-medium">
        {loan.book.title} · {lender ? `lent to ${other.displayName}` : `borrowed from ${other.displayName}`}
      </p>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {conditionLabel[loan.copy.condition]} · due back on {loan.dueOn}
        {overdue ? " (overdue)" : ""} · <span data-testid="loan-status">{statusLabel[loan.status]}</span>
      </p>
      <ActionGroup label={`What to do with the loan of ${loan.book.title}`}>
        {loan.status === "arranged" &&
          !handedMine &&
          confirmStep("handover", lender ? "I handed it over" : "I received it")}
        {loan.status === "out" &&
          !returnMine &&
          confirmStep("return", lender ? "Mark returned: I got it back" : "I gave it back")}
        {loan.status === "arranged" && (
          <Button
            variant="secondary"
            className="px-3 py-1"
            busy={cancel.isPending}
            onClick={() => cancel.mutate({ loanId: loan.id })}
          >
            Call it off
          </Button>
        )}
      </ActionGroup>
      <MutationError of={[confirm, cancel]} />
    </li>
  );
}
