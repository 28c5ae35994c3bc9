import { CLUB_CATEGORIES } from "@booky/domain";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Alert, buttonClass, Card, LoadMore, PageTitle, SearchInput, SelectField, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { categoryLabels } from "./labels";

type Category = (typeof CLUB_CATEGORIES)[number];
const meetsOptions = { "": undefined, online: true, in_person: false } as const;

export function ClubsPage() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<Category | "">("");
  const [visibility, setVisibility] = useState<"public" | "private" | "">("");
  const [meets, setMeets] = useState<keyof typeof meetsOptions>("");
  const [mine, setMine] = useState(false);
  const debouncedSearch = useDebouncedValue(search.trim());
  const clubs = useInfiniteQuery({
    ...trpc.clubs.list.infiniteQueryOptions(
      {
        search: debouncedSearch || undefined,
        category: category || undefined,
        visibility: visibility || undefined,
        isOnline: meetsOptions[meets],
        mine,
        limit: 12,
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });
  const items = clubs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle subtitle="Find a club to read with, or start your own.">Clubs</PageTitle>
        <Link to="/clubs/new" className={buttonClass()}>
          Start a club
        </Link>
      </div>
      <search className="mb-6 grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        <SearchInput
          label="Search"
          value={search}
          onChange={setSearch}
          placeholder="Name or description"
          className="col-span-2"
        />
        <SelectField
          label="Category"
          value={category}
          onChange={(event) => setCategory(event.target.value as Category | "")}
        >
          <option value="">All</option>
          {CLUB_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {categoryLabels[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Who can join"
          value={visibility}
          onChange={(event) => setVisibility(event.target.value as typeof visibility)}
        >
          <option value="">Any club</option>
          <option value="public">Public</option>
          <option value="private">Private</option>
        </SelectField>
        <SelectField label="Meets" value={meets} onChange={(event) => setMeets(event.target.value as typeof meets)}>
          <option value="">Online or in person</option>
          <option value="online">Online</option>
          <option value="in_person">In person</option>
        </SelectField>
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
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
        <ul aria-busy={clubs.isPlaceholderData || undefined} className="grid gap-4 md:grid-cols-2">
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
                  {club.access === "full" && club.archivedAt && " · Archived"}
                </p>
                {club.description && <p className="mt-2 line-clamp-3">{club.description}</p>}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2">
        <LoadMore query={clubs} label="Show more clubs" />
      </div>
    </div>
  );
}
