import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Alert, Card, LoadMore, PageTitle, SearchInput, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { byCursor, pageItems } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { useDocumentTitle } from "../../lib/use-document-title";
import { categoryLabels } from "../clubs/labels";
import { JoinLinks } from "./join-links";

/** The club directory as a visitor sees it: every club by name, private ones by name and description only. */
export function PublicClubsPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim());
  const clubs = useInfiniteQuery({
    ...trpc.public.clubs.infiniteQueryOptions({ search: debounced || undefined, limit: 12 }, byCursor),
    placeholderData: keepPreviousData,
  });
  useDocumentTitle("Book clubs");
  const items = pageItems(clubs.data);

  return (
    <div>
      <PageTitle subtitle="Find a club to read with. Sign up to join one, or to start your own.">Book clubs</PageTitle>
      <search className="mb-6 max-w-md">
        <SearchInput label="Search clubs" value={search} onChange={setSearch} placeholder="Name or description" />
      </search>
      {clubs.isError && <Alert>{errorMessage(clubs.error)}</Alert>}
      {clubs.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      ) : items.length === 0 ? (
        <p>No club matches yet.</p>
      ) : (
        <ul aria-label="Clubs" className="grid gap-4 sm:grid-cols-2">
          {items.map((club) => (
            <li key={club.id}>
              <Card>
                <h2 className="font-serif text-xl font-bold">
                  <Link to={`/clubs/${club.slug}`} className="hover:underline">
                    {club.name}
                  </Link>
                </h2>
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {club.access === "full"
                    ? [
                        categoryLabels[club.category],
                        club.isOnline ? "Meets online" : club.location,
                        `${club.memberCount} members`,
                      ]
                        .filter(Boolean)
                        .join(" · ")
                    : "Private club"}
                </p>
                {club.description && <p className="mt-2 line-clamp-3">{club.description}</p>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={clubs} label="More clubs" />
      <div className="mt-8">
        <JoinLinks label="Sign up to join a club" />
      </div>
    </div>
  );
}
