import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedListCard } from "../../components/paged-list";
import { Card, PageTitle } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { LendForm } from "./lend-form";
import { LoanCard } from "./loan-card";

const boxes = [
  ["lent", true, "Lent out", "Nothing lent out."],
  ["borrowed", true, "Borrowed", "Nothing borrowed."],
  ["lent", false, "Past loans of my copies", "No past loan."],
  ["borrowed", false, "Books I borrowed before", "No past loan."],
] as const;

function LoanBox({
  role,
  active,
  title,
  empty,
}: {
  role: "lent" | "borrowed";
  active: boolean;
  title: string;
  empty: string;
}) {
  const trpc = useTRPC();
  const loans = useInfiniteQuery(trpc.loans.mine.infiniteQueryOptions({ role, active, limit: 10 }, byCursor));
  return (
    <PagedListCard title={title} label={title} query={loans} empty={empty} moreLabel="Show more loans">
      {(loan) => <LoanCard key={loan.id} loan={loan} role={role} />}
    </PagedListCard>
  );
}

/** `/loans`: lend a copy; what I lent and borrowed (loans still to be handed over are the open requests), and past loans. */
export function LoansPage() {
  return (
    <div>
      <PageTitle subtitle="Lend your copies to friends and club-mates; both of you confirm each hand-over.">
        Loans
      </PageTitle>
      <div className="flex flex-col gap-6">
        <Card title="Lend a copy">
          <LendForm />
        </Card>
        {boxes.map(([role, active, title, empty]) => (
          <LoanBox key={title} role={role} active={active} title={title} empty={empty} />
        ))}
      </div>
    </div>
  );
}
