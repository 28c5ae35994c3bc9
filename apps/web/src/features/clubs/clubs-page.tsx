import { CLUB_CATEGORIES } from "@booky/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Alert, Button, Card, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { categoryLabels } from "./labels";

export function ClubsPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<(typeof CLUB_CATEGORIES)[number] | "">("");
  const [mine, setMine] = useState(false);
  const clubs = useInfiniteQuery(
    trpc.clubs.list.infiniteQueryOptions(
      { search: search || undefined, category: category || undefined, mine, limit: 12 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = clubs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle subtitle="Find a club to read with, or start your own.">Clubs</PageTitle>
        <Link
          to="/clubs/new"
          className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Start a club
        </Link>
      </div>
      <search className="mb-6 flex flex-wrap gap-3">
        <label className="flex flex-col text-sm font-medium">
          Search
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Name or description"
            className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
          />
        </label>
        <label className="flex flex-col text-sm font-medium">
          Category
          <select
            value={category}
            onChange={(event) => setCategory(event.target.value as typeof category)}
            className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
          >
            <option value="">All</option>
            {CLUB_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {categoryLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
          <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} />
          Only my clubs
        </label>
      </search>
      {clubs.isError && <Alert>{errorMessage(clubs.error)}</Alert>}
      {clubs.isPending ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      ) : items.length === 0 ? (
        <Alert tone="info">No club matches. Try another search, or start the club you are looking for.</Alert>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((club) => (
            <li key={club.id}>
              <Card className="h-full">
                <h2 className="font-serif text-xl font-semibold">
                  <Link to={`/clubs/${club.slug}`} className="hover:underline">
                    {club.name}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
                  {[
                    categoryLabels[club.category],
                    club.access === "full" && (club.isOnline ? "Online" : club.location),
                    club.visibility === "private"
                      ? "Private"
                      : club.access === "full" && `${club.memberCount} of ${club.memberLimit} members`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                  {club.myRole && ` · You are ${club.myRole === "member" ? "a member" : `the ${club.myRole}`}`}
                </p>
                {club.description && <p className="mt-2 line-clamp-3">{club.description}</p>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {clubs.hasNextPage && (
        <div className="mt-6 flex justify-center">
          <Button variant="secondary" busy={clubs.isFetchingNextPage} onClick={() => clubs.fetchNextPage()}>
            Show more clubs
          </Button>
        </div>
      )}
    </div>
  );
}
