import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert, Button, PageTitle, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { BookResult, RemoteNotice } from "./book-result";
import { importingVolume, useBookSearch, useImportBook } from "./use-book-search";

export function BooksPage() {
  const [text, setText] = useState("");
  const navigate = useNavigate();
  const { query, search, items, remote } = useBookSearch(text, 20);
  const importBook = useImportBook();
  const importing = importBook.isPending ? importingVolume(importBook.variables) : null;

  return (
    <div>
      <PageTitle subtitle="Search the catalog by title, author or ISBN; Google Books fills in what it lacks.">
        Books
      </PageTitle>
      <search className="mb-6">
        <label className="flex max-w-xl flex-col text-sm font-medium">
          Search books
          <input
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Title, author, or isbn:9780143035008"
            className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-700 dark:bg-stone-900"
          />
        </label>
      </search>
      {importBook.isError && <Alert>{errorMessage(importBook.error)}</Alert>}
      {search.isError && <Alert>{errorMessage(search.error)}</Alert>}
      <RemoteNotice remote={remote} />
      {query.length < 2 ? (
        <p className="text-stone-600 dark:text-stone-400">Type at least two characters.</p>
      ) : search.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : items.length === 0 ? (
        <Alert tone="info">No book matches “{query}”.</Alert>
      ) : (
        <ul aria-label="Search results" className="flex flex-col divide-y divide-stone-200 dark:divide-stone-800">
          {items.map((item) => (
            <li key={item.bookId ?? item.googleVolumeId} className="py-3">
              <BookResult
                item={item}
                title={
                  item.bookId ? (
                    <Link to={`/books/${item.bookId}`} className="hover:underline">
                      {item.title}
                    </Link>
                  ) : undefined
                }
                action={
                  item.source === "google" && item.googleVolumeId ? (
                    <Button
                      variant="secondary"
                      busy={importing === item.googleVolumeId}
                      onClick={() =>
                        importBook.mutate(
                          { googleVolumeId: item.googleVolumeId as string },
                          { onSuccess: ({ book }) => navigate(`/books/${book.id}`) },
                        )
                      }
                    >
                      Add to catalog
                    </Button>
                  ) : null
                }
              />
            </li>
          ))}
        </ul>
      )}
      {search.hasNextPage && (
        <div className="mt-6 flex justify-center">
          <Button variant="secondary" busy={search.isFetchingNextPage} onClick={() => search.fetchNextPage()}>
            Show more books
          </Button>
        </div>
      )}
    </div>
  );
}
