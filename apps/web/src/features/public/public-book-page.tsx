import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Alert, Skeleton } from "../../components/ui";
import { errorMessage, isTRPCError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { BookHeader } from "../books/book-cover";
import { JoinLinks } from "./join-links";

/** A catalog book as a visitor sees it. */
export function PublicBookPage() {
  const { bookId = "" } = useParams();
  const trpc = useTRPC();
  const book = useQuery(trpc.public.book.queryOptions({ bookId }));
  useDocumentTitle(book.data?.title ?? null);

  if (book.isPending) return <Skeleton className="h-64 w-full" />;
  if (book.isError) {
    const missing = isTRPCError(book.error) && ["NOT_FOUND", "BAD_REQUEST"].includes(book.error.data?.code ?? "");
    return <Alert>{missing ? "There is no such book in the catalog." : errorMessage(book.error)}</Alert>;
  }
  const data = book.data;
  const facts = [
    data.pageCount ? `${data.pageCount} pages` : null,
    [data.publisher, data.publishedDate].filter(Boolean).join(", ") || null,
    data.isbn13 ? `ISBN ${data.isbn13}` : null,
  ].filter(Boolean);
  return (
    <div className="flex flex-col gap-6">
      <BookHeader book={data}>
        <p className="text-sm">{facts.join(" · ")}</p>
        <p className="mt-2 text-sm">
          {data.publicClubs === 0
            ? "No public club has read it yet."
            : `${data.publicClubs} public ${data.publicClubs === 1 ? "club reads" : "clubs read"} it.`}
        </p>
      </BookHeader>
      {data.description && <p className="max-w-3xl whitespace-pre-line">{data.description}</p>}
      <JoinLinks label="Sign up to read it with a club" />
    </div>
  );
}
