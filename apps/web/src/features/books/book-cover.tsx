import { type ReactNode, useState } from "react";
import { PageTitle } from "../../components/ui";

const sizes = { sm: "h-16 w-11", md: "h-24 w-16", lg: "h-48 w-32" } as const;

/** A cover image, or a plain placeholder when the catalog has none or the image cannot load (e.g. offline). */
export function BookCover({
  url,
  title,
  size = "md",
}: {
  url: string | null;
  title: string;
  size?: keyof typeof sizes;
}) {
  const [failed, setFailed] = useState(false);
  const box = sizes[size];
  return url && !failed ? (
    <img
      src={url}
      alt={`Cover of ${title}`}
      loading="lazy"
      onError={() => setFailed(true)}
      className={`${box} shrink-0 rounded object-cover shadow-sm`}
    />
  ) : (
    <div
      aria-hidden="true"
      className={`${box} flex shrink-0 items-center justify-center overflow-hidden rounded bg-brand-100 p-1 text-center font-serif text-[10px] leading-tight text-brand-800 dark:bg-stone-800 dark:text-brand-100`}
    >
      {title.slice(0, 40)}
    </div>
  );
}

/** "Author One, Author Two" or "Unknown author". */
export function authorsLine(authors: readonly string[]): string {
  return authors.length > 0 ? authors.join(", ") : "Unknown author";
}

/** A book page's head: the large cover, the title (and subtitle) over its authors, then `children` (its facts). */
export function BookHeader({
  book,
  children,
}: {
  book: { coverUrl: string | null; title: string; subtitle: string | null; authors: string[] };
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6 sm:flex-row">
      <BookCover url={book.coverUrl} title={book.title} size="lg" />
      <div>
        <PageTitle subtitle={authorsLine(book.authors)}>
          {book.title}
          {book.subtitle && <span className="block text-xl font-normal">{book.subtitle}</span>}
        </PageTitle>
        {children}
      </div>
    </div>
  );
}
