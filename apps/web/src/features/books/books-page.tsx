import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert, Button, LoadMore, PageTitle, SearchInput, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { BookResultList, RemoteNotice } from "./book-result";
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
        <SearchInput
          label="Search books"
          value={text}
          onChange={setText}
          placeholder="Title, author, or isbn:9780143035008"
          className="max-w-xl"
        />
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
        <BookResultList
          items={items}
          label="Search results"
          title={(item) =>
            item.bookId ? (
              <Link to={`/books/${item.bookId}`} className="hover:underline">
                {item.title}
              </Link>
            ) : undefined
          }
          action={(item) =>
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
      )}
      <LoadMore query={search} label="Show more books" className="mt-6 flex justify-center" />
    </div>
  );
}
