import type { RouterOutputs } from "@booky/server";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { QueryView } from "../../components/query-view";
import { Card } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { AdminArea } from "./admin-area";

type Dashboard = RouterOutputs["admin"]["dashboard"];
type Week = Dashboard["weekly"][number];

const number = new Intl.NumberFormat();

/** `/admin`: the operator dashboard, figures and eight weeks of trends. */
export function AdminDashboardPage() {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.admin.dashboard.queryOptions());
  return (
    <AdminArea title="Dashboard">
      <QueryView query={dashboard}>{(data) => <Figures data={data} />}</QueryView>
    </AdminArea>
  );
}

function Figures({ data }: { data: Dashboard }) {
  const ratio = data.googleBooks.cacheHitRatio;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card title="Members and clubs">
        <Facts
          label="Members and clubs"
          facts={[
            ["Members (estimate)", number.format(data.members.totalEstimate)],
            ["Active in the last 7 days", number.format(data.members.active7Days)],
            ["Active in the last 30 days", number.format(data.members.active30Days)],
            ["Clubs (estimate)", number.format(data.members.clubsEstimate)],
          ]}
        />
      </Card>
      <Card title="Reports">
        <Facts
          label="Reports"
          facts={[
            ["Open cases", number.format(data.cases.open)],
            ["Resolved in the last 30 days", number.format(data.cases.resolvedLast30Days)],
          ]}
        />
        <Link to="/admin/queue" className="mt-3 inline-block text-sm underline">
          Open the report queue
        </Link>
      </Card>
      <WeeklyChart title="New members per week" weeks={data.weekly} value={(week) => week.newMembers} />
      <WeeklyChart title="Meetings per week" weeks={data.weekly} value={(week) => week.meetings} />
      <WeeklyChart title="Imports per week" weeks={data.weekly} value={(week) => week.imports} />
      <WeeklyChart title="Trades completed per week" weeks={data.weekly} value={(week) => week.trades} />
      <Card title="Points">
        <Facts
          label="Points"
          facts={[
            [
              "In circulation (balances)",
              data.points.inCirculation === null ? "not counted yet" : number.format(data.points.inCirculation),
            ],
            ["Staked in open bets", number.format(data.points.staked)],
            ["Open bets", number.format(data.points.openBets)],
            ["Counted at", data.points.countedAt?.toLocaleString() ?? "within five minutes of the worker starting"],
          ]}
        />
      </Card>
      <Card title="Background jobs">
        <Facts
          label="Background jobs"
          facts={[
            ["Waiting", number.format(data.jobs.waiting)],
            ["Running", number.format(data.jobs.running)],
            ["Failed for good", number.format(data.jobs.failed)],
            ["Oldest waiting since", data.jobs.oldestWaitingSince?.toLocaleString() ?? "none waiting"],
          ]}
        />
      </Card>
      <Card title="Google Books">
        <Facts
          label="Google Books"
          facts={[
            ["API", data.googleBooks.enabled ? "configured" : "not configured (local catalog only)"],
            ["Circuit", data.googleBooks.circuitOpen ? "open: calls are skipped" : "closed: calls go through"],
            ["Cache lookups", number.format(data.googleBooks.cacheLookups)],
            ["Cache hit ratio", ratio === null ? "no lookup yet" : `${Math.round(ratio * 100)} %`],
          ]}
        />
      </Card>
    </div>
  );
}

/** Labelled figures, as a description list. */
function Facts({ label, facts }: { label: string; facts: readonly (readonly [string, string])[] }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
      {facts.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-stone-600 dark:text-stone-400">{term}</dt>
          <dd className="text-right font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A week-by-week bar chart, with the figures in a table for screen readers (and anyone who wants the numbers). */
function WeeklyChart({ title, weeks, value }: { title: string; weeks: Week[]; value: (week: Week) => number }) {
  const most = Math.max(1, ...weeks.map(value));
  return (
    <Card title={title}>
      <div aria-hidden="true" className="flex h-32 items-end gap-2">
        {weeks.map((week) => (
          <div key={week.week} className="flex flex-1 flex-col items-center justify-end gap-1 self-stretch">
            <span className="text-xs tabular-nums">{value(week)}</span>
            <div
              className="w-full rounded-t bg-brand-600"
              style={{ height: `${Math.max(2, (value(week) / most) * 100)}%` }}
            />
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.week}>
              <td>{week.week}</td>
              <td>{value(week)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex justify-between text-xs text-stone-600 dark:text-stone-400">
        <span>week of {weeks[0]?.week}</span>
        <span>week of {weeks.at(-1)?.week}</span>
      </p>
    </Card>
  );
}
