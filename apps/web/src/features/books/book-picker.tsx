import { useId, useState } from "react";
import { Alert, Button, LoadMore } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { authorsLine, BookCover } from "./book-cover";
import { BookResultList, RemoteNotice } from "./book-result";
import { type ImportedBook, importingVolume, useBookSearch, useImportBook } from "./use-book-search";

/** What a form keeps of the book picked (a book the catalog imported has all of it). */
export type PickedBook = Pick<ImportedBook, "id" | "title" | "authors" | "coverUrl" | "pageCount">;

/**
 * Picks a catalog book through the same search as the books page; a Google
 * Books result is added to the catalog first, then picked.
 */
export function BookPicker({
  value,
  onChange,
  error,
}: {
  value: PickedBook | null;
  onChange: (book: PickedBook | null) => void;
  error?: string | undefined;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const { query, search, items, remote } = useBookSearch(text, 8);
  const importBook = useImportBook();
  const importing = importBook.isPending ? importingVolume(importBook.variables) : null;

  if (value) {
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">Book</span>
        <div className="flex items-center gap-3 rounded-lg border border-stone-300 p-2 dark:border-stone-700">
          <BookCover url={value.coverUrl} title={value.title} size="sm" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold" data-testid="picked-book">
              {value.title}
            </p>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {authorsLine(value.authors)} · {value.pageCount ? `${value.pageCount} pages` : "pages unknown"}
            </p>
          </div>
          <Button variant="secondary" onClick={() => onChange(null)}>
            Change book
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Book
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search by title, author or ISBN"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`rounded-lg border bg-white px-3 py-2 text-base dark:bg-stone-900 ${
          error ? "border-red-600" : "border-stone-300 dark:border-stone-700"
        }`}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {importBook.isError && <Alert>{errorMessage(importBook.error)}</Alert>}
      <RemoteNotice remote={remote} />
      {query.length >= 2 && search.isSuccess && items.length === 0 && (
        <p className="text-sm text-stone-600 dark:text-stone-400">No book matches “{query}”.</p>
      )}
      {items.length > 0 && (
        <BookResultList
          items={items}
          label="Books found"
          compact
          action={(item) =>
            item.bookId ? (
              <Button
                variant="secondary"
                aria-label={`Choose ${item.title}`}
                onClick={() => onChange({ ...item, id: item.bookId as string })}
              >
                Choose
              </Button>
            ) : (
              <Button
                variant="secondary"
                aria-label={`Add ${item.title} to the catalog and choose it`}
                busy={importing === item.googleVolumeId}
                onClick={() =>
                  importBook.mutate(
                    { googleVolumeId: item.googleVolumeId as string },
                    { onSuccess: ({ book }) => onChange(book) },
                  )
                }
              >
                Add and choose
              </Button>
            )
          }
        />
      )}
      <LoadMore query={search} label="More results" className="flex flex-col" />
    </div>
  );
}
