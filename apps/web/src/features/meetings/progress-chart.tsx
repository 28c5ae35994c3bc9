import { useInfiniteQuery } from "@tanstack/react-query";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Alert, EmptyState, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { byCursor, pageItems, useAllPages } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { LIVE_REFRESH_MS } from "./live";

const colors = ["#b45309", "#0f766e", "#7c3aed", "#be123c", "#1d4ed8", "#4d7c0f", "#a21caf", "#0e7490"];
const time = (value: number) => new Date(value).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });
/** Axis ticks in the unit that tells them apart: days over a long read, minutes or seconds over a short one. */
const tickFormat = (spanMs: number) => (value: number) =>
  spanMs > 86_400_000
    ? new Date(value).toLocaleDateString(undefined, { month: "short", day: "numeric" })
    : new Date(value).toLocaleTimeString(undefined, { timeStyle: spanMs > 3_600_000 ? "short" : "medium" });

/**
 * Pages read over time, one line per attendee. Loaded as its own chunk (with
 * recharts) only when a meeting page shows it; the data table under it says
 * the same for screen readers and keyboard users.
 */
export default function ProgressChart({
  meetingId,
  pageCount,
  names,
}: {
  meetingId: string;
  pageCount: number;
  names: ReadonlyMap<string, string>;
}) {
  const trpc = useTRPC();
  const history = useInfiniteQuery({
    ...trpc.progress.history.infiniteQueryOptions({ meetingId, limit: 500 }, byCursor),
    refetchInterval: LIVE_REFRESH_MS,
  });
  // A chart needs every point.
  useAllPages(history);

  if (history.isPending) return <Skeleton className="h-72" />;
  if (history.isError) return <Alert>{errorMessage(history.error)}</Alert>;
  const points = pageItems(history.data);
  if (points.length === 0)
    return <EmptyState>No pages reported yet: the chart starts with the first update.</EmptyState>;

  const series = new Map<string, { t: number; page: number }[]>();
  for (const point of points) {
    const line = series.get(point.userId) ?? [];
    line.push({ t: point.recordedAt.getTime(), page: point.page });
    series.set(point.userId, line);
  }
  const nameOf = (userId: string) => names.get(userId) ?? "Former attendee";
  const span = (points.at(-1)?.recordedAt.getTime() ?? 0) - (points[0]?.recordedAt.getTime() ?? 0);

  return (
    <figure className="flex flex-col gap-3">
      <div className="h-72 w-full" role="img" aria-label={`Pages read over time by ${series.size} attendees`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={tickFormat(span)}
              allowDuplicatedCategory={false}
            />
            <YAxis domain={[0, pageCount]} allowDecimals={false} width={48} />
            <Tooltip labelFormatter={(value) => time(Number(value))} />
            <Legend />
            {[...series].map(([userId, line], index) => (
              <Line
                key={userId}
                data={line}
                dataKey="page"
                name={nameOf(userId)}
                type="stepAfter"
                stroke={colors[index % colors.length]}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <details>
          <summary className="cursor-pointer text-sm font-medium">Show the updates as a table</summary>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Page</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.id}>
                  <td>{time(point.recordedAt.getTime())}</td>
                  <td>{nameOf(point.userId)}</td>
                  <td>
                    {point.page}
                    {point.correction && " (correction)"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
