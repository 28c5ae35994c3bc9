import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Alert, Card, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { BookReviews } from "../reviews/book-reviews";
import { BookShelfPanel } from "../shelves/book-shelf-panel";
import { BookHeader } from "./book-cover";

export function BookPage() {
  const { bookId = "" } = useParams();
  const trpc = useTRPC();
  const book = useQuery(trpc.books.get.queryOptions({ bookId }));
  const clubs = useQuery(trpc.books.clubs.queryOptions({ bookId, limit: 50 }));

  if (book.isPending) return <Skeleton className="h-64 w-full" />;
  if (book.isError) {
    const missing = isTRPCError(book.error) && ["NOT_FOUND", "BAD_REQUEST"].includes(book.error.data?.code ?? "");
    return <Alert>{missing ? "There is no such book in the catalog." : errorMessage(book.error)}</Alert>;
  }
  const data = book.data;
  const facts = [
    ["Pages", data.pageCount ? String(data.pageCount) : "unknown"],
    ["Published", [data.publisher, data.publishedDate].filter(Boolean).join(", ") || "unknown"],
    ["ISBN-13", data.isbn13 ?? "unknown"],
    ["Language", data.language ?? "unknown"],
  ] as const;

  return (
    <div className="flex flex-col gap-6">
      <BookHeader book={data}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {data.subjects.length > 0 && (
          <ul aria-label="Subjects" className="mt-3 flex flex-wrap gap-2">
            {data.subjects.map((subject) => (
              <li
                key={subject}
                className="rounded-full bg-brand-100 px-3 py-1 text-xs text-brand-800 dark:bg-stone-800 dark:text-brand-100"
              >
                {subject}
              </li>
            ))}
          </ul>
        )}
      </BookHeader>
      {data.description && <p className="max-w-3xl whitespace-pre-line">{data.description}</p>}
      <BookShelfPanel bookId={data.id} />
      <Card title="Clubs reading it">
        {clubs.isError ? (
          <Alert>{errorMessage(clubs.error)}</Alert>
        ) : clubs.data?.items.length ? (
          <ul className="flex flex-col gap-2">
            {clubs.data.items.map((club) => (
              <li key={club.id}>
                <Link to={`/clubs/${club.slug}`} className="font-semibold hover:underline">
                  {club.name}
                </Link>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {" "}
                  · {club.meetings} meeting{club.meetings === 1 ? "" : "s"}, last{" "}
                  {club.lastMeetingAt.toLocaleDateString(undefined, { dateStyle: "medium" })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600 dark:text-stone-400">No club you can see has scheduled this book yet.</p>
        )}
      </Card>
      <BookReviews bookId={bookId} />
    </div>
  );
}
