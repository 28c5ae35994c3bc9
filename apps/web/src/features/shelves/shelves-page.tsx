import type { ReadingStatus } from "@booky/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { PagedListCard, Row } from "../../components/paged-list";
import { buttonClass, PageTitle } from "../../components/ui";
import { byCursor } from "../../lib/pages";
import { useTRPC } from "../../lib/trpc";
import { authorsLine, BookCover } from "../books/book-cover";
import { availabilityLabel, conditionLabel, starsOf, statusLabel, visibilityLabel } from "./labels";
import { ReadingStatusSelect } from "./reading-status-select";

/** My shelves: the status shelves (with a filter), my own shelves, and my copies. */
export function ShelvesPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ReadingStatus | null>(null);
  const books = useInfiniteQuery(
    trpc.shelves.books.infiniteQueryOptions({ limit: 20, ...(status ? { status } : {}) }, byCursor),
  );
  const shelves = useInfiniteQuery(trpc.shelves.mine.infiniteQueryOptions({ limit: 50 }, byCursor));
  const copies = useInfiniteQuery(trpc.copies.mine.infiniteQueryOptions({ limit: 20 }, byCursor));

  return (
    <div>
      <PageTitle
        subtitle={
          <Link to="/import" className="underline underline-offset-2">
            Import from Goodreads or StoryGraph, or export your library
          </Link>
        }
      >
        My shelves
      </PageTitle>
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <ReadingStatusSelect
            label="Show"
            value={status}
            onChange={setStatus}
            noneLabel="Every status"
            noneChoosable
          />
          <PagedListCard
            title="Books"
            label="Books on my shelves"
            query={books}
            empty="No books here yet: set a status on a book's page, or import your Goodreads library."
            moreLabel="Show more books"
          >
            {(item) => (
              <Row key={item.id}>
                <span className="flex items-center gap-3">
                  <BookCover url={item.book.coverUrl} title={item.book.title} size="sm" />
                  <span>
                    <Link to={`/books/${item.book.id}`} className="font-medium underline-offset-2 hover:underline">
                      {item.book.title}
                    </Link>
                    <span className="block text-sm text-stone-600 dark:text-stone-400">
                      {authorsLine(item.book.authors)}
                    </span>
                  </span>
                </span>
                <span className="text-sm">
                  {statusLabel[item.status]}
                  {item.rating ? ` · ${starsOf(item.rating)}` : ""}
                </span>
              </Row>
            )}
          </PagedListCard>
        </div>
        <div className="flex flex-col gap-6">
          <PagedListCard
            title="My shelves"
            label="My own shelves"
            query={shelves}
            empty="No shelves of your own yet."
            moreLabel="Show more shelves"
            footer={
              <Link to="/shelves/manage" className={buttonClass("secondary", "mt-4")}>
                Manage my shelves
              </Link>
            }
          >
            {(shelf) => (
              <Row key={shelf.id}>
                <span className="font-medium">{shelf.name}</span>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {shelf.bookCount} {shelf.bookCount === 1 ? "book" : "books"} · {visibilityLabel[shelf.visibility]}
                </span>
              </Row>
            )}
          </PagedListCard>
          <PagedListCard
            title="My copies"
            label="My copies"
            query={copies}
            empty="No copies yet."
            moreLabel="Show more copies"
          >
            {(copy) => (
              <Row key={copy.id}>
                <span>{copy.book.title}</span>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {conditionLabel[copy.condition]} · {availabilityLabel[copy.availability]}
                </span>
              </Row>
            )}
          </PagedListCard>
        </div>
      </div>
    </div>
  );
}
