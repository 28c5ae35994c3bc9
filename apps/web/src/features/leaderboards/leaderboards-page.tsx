import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { Card, EmptyState, PageTitle, SelectField, Skeleton } from "../../components/ui";
import { useTRPC } from "../../lib/trpc";
import { Choice } from "./choice";
import { ClubBoard } from "./club-board";
import { UserBoard, type UserBoardInput } from "./user-board";

const periods = [
  { value: "allTime", label: "All time" },
  { value: "thisMonth", label: "This month" },
] as const;
const scopes = [
  { value: "global", label: "Everyone" },
  { value: "club", label: "My clubs" },
  { value: "friends", label: "Friends" },
] as const;
type Period = (typeof periods)[number]["value"];
type Scope = (typeof scopes)[number]["value"];

const oneOf = <T extends string>(options: readonly { value: T }[], value: string | null, fallback: T): T =>
  options.find((option) => option.value === value)?.value ?? fallback;
const linkClass = "font-semibold text-brand-700 underline dark:text-brand-500";

/** Members and clubs by score. The choices live in the address, so a board can be shared or bookmarked. */
export function LeaderboardsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const period = oneOf(periods, params.get("period"), "allTime");
  const scope = oneOf(scopes, params.get("scope"), "global");
  const choose = (key: "period" | "scope" | "club", value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const myClubs = useQuery(trpc.clubs.list.queryOptions({ mine: true, limit: 50 }));
  const clubs = myClubs.data?.items ?? [];
  const myClubIds = useMemo(() => new Set(myClubs.data?.items.map((club) => club.id)), [myClubs.data]);
  const clubId = clubs.find((club) => club.id === params.get("club"))?.id ?? clubs[0]?.id;
  const clubName = clubs.find((club) => club.id === clubId)?.name;
  const when = period === "thisMonth" ? " this month" : "";

  const input: UserBoardInput | null =
    scope === "club" ? (clubId ? { scope, clubId, period } : null) : { scope, period };

  return (
    <div className="flex flex-col gap-6">
      <PageTitle subtitle="Points earned by finishing books, coming to meetings and backing the winner.">
        Leaderboards
      </PageTitle>
      <Choice legend="Period" value={period} options={periods} onChange={(value: Period) => choose("period", value)} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title="Members">
          <div className="mb-4 flex flex-wrap items-end gap-4">
            <Choice
              legend="Compare with"
              value={scope}
              options={scopes}
              onChange={(value: Scope) => choose("scope", value)}
            />
            {scope === "club" && clubs.length > 0 && (
              <SelectField label="Club" value={clubId} onChange={(event) => choose("club", event.target.value)}>
                {clubs.map((club) => (
                  <option key={club.id} value={club.id}>
                    {club.name}
                  </option>
                ))}
              </SelectField>
            )}
          </div>
          {scope === "club" && myClubs.isPending ? (
            <Skeleton className="h-24" />
          ) : input ? (
            <UserBoard
              input={input}
              caption={
                scope === "global"
                  ? `Everyone by score${when}`
                  : scope === "club"
                    ? `${clubName} members by score${when}`
                    : `You and your friends by score${when}`
              }
              empty={
                scope === "friends" ? (
                  <>
                    Neither you nor your friends have scored{when || " yet"}.{" "}
                    <Link to="/friends" className={linkClass}>
                      Add friends
                    </Link>{" "}
                    to race them.
                  </>
                ) : scope === "club" ? (
                  `Nobody in ${clubName} has scored${when || " yet"}. Finish the club's next book by its deadline to lead.`
                ) : (
                  `Nobody has scored${when || " yet"}. Finish a book by its deadline to be the first on the board.`
                )
              }
            />
          ) : (
            <EmptyState>
              You are not in a club yet.{" "}
              <Link to="/clubs" className={linkClass}>
                Find a club
              </Link>{" "}
              to compare scores with its members.
            </EmptyState>
          )}
        </Card>
        <Card title="Clubs">
          <ClubBoard period={period} myClubIds={myClubIds} />
        </Card>
      </div>
    </div>
  );
}
