import { POINTS } from "@booky/domain";
import { Link } from "react-router";
import { QueryCard } from "../../components/query-view";
import { Card, PageTitle, Skeleton } from "../../components/ui";
import { LedgerList } from "./ledger-list";
import { MyBetsList } from "./my-bets-list";
import { useBalance, useLedger, useMyBets } from "./use-points-history";

export function PointsPage() {
  const balance = useBalance();
  const ledger = useLedger();
  const bets = useMyBets();

  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle="What you have, what you earned, and where every point went.">Your points</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <QueryCard
          title="Balance"
          query={balance}
          loading={<Skeleton className="h-20" />}
          footer={
            <p className="mt-4 text-sm">
              <Link to="/leaderboards" className="font-semibold text-brand-700 underline dark:text-brand-500">
                See where you rank
              </Link>
            </p>
          }
        >
          {(data) => (
            <dl className="grid grid-cols-2 gap-4">
              <div className="col-span-2">
                <dt className="text-sm text-stone-600 dark:text-stone-400">Points to bet with</dt>
                <dd className="font-serif text-4xl font-bold">
                  <span>{data.balance.toLocaleString()}</span> <span className="text-lg font-normal">points</span>
                </dd>
              </div>
              <div>
                <dt className="text-sm text-stone-600 dark:text-stone-400">Score, all time</dt>
                <dd className="text-xl font-semibold">{data.score.allTime.toLocaleString()}</dd>
              </div>
              <div>
                <dt className="text-sm text-stone-600 dark:text-stone-400">Score, this month</dt>
                <dd className="text-xl font-semibold">{data.score.thisMonth.toLocaleString()}</dd>
              </div>
            </dl>
          )}
        </QueryCard>
        <Card title="How to earn">
          <ul className="list-disc space-y-1 pl-5 text-stone-700 dark:text-stone-300">
            <li>Finish the book by the reading deadline: +{POINTS.finishReward} points.</li>
            <li>Be there when the club meets: +{POINTS.attendanceReward} points.</li>
            <li>Back the first to finish: the whole pool goes to the bets on the winner.</li>
          </ul>
          <p className="mt-3 text-sm text-stone-600 dark:text-stone-400">
            Your score counts what you earned: rewards, and what winning bets paid beyond their stake.
          </p>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <LedgerList ledger={ledger} />
        <MyBetsList bets={bets} />
      </div>
    </div>
  );
}
