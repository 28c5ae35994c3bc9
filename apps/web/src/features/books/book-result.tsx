import type { ReactNode } from "react";
import { authorsLine, BookCover } from "./book-cover";
import type { BookSearchItem } from "./use-book-search";

/** One search result: cover, title, authors, pages, where it comes from, and an action. */
export function BookResult({ item, title, action }: { item: BookSearchItem; title?: ReactNode; action: ReactNode }) {
  return (
    <div className="flex items-center gap-3">
      <BookCover url={item.coverUrl} title={item.title} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title ?? item.title}</p>
        <p className="truncate text-sm text-stone-600 dark:text-stone-400">
          {authorsLine(item.authors)}
          {item.pageCount ? ` · ${item.pageCount} pages` : " · pages unknown"}
          {item.publishedDate ? ` · ${item.publishedDate.slice(0, 4)}` : ""}
        </p>
        {item.source === "google" && (
          <p className="text-xs font-medium text-brand-700 dark:text-brand-500">
            From Google Books, not in the catalog yet
          </p>
        )}
      </div>
      <div className="shrink-0">{action}</div>
    </div>
  );
}

/**
 * The results of a book search, each with its `action`; `compact` inside a
 * form (a shorter list that scrolls), full-size on the books page.
 */
export function BookResultList({
  items,
  label,
  compact = false,
  title,
  action,
}: {
  items: readonly BookSearchItem[];
  label: string;
  compact?: boolean;
  title?: (item: BookSearchItem) => ReactNode;
  action: (item: BookSearchItem) => ReactNode;
}) {
  return (
    <ul
      aria-label={label}
      className={
        compact
          ? "flex max-h-80 flex-col divide-y divide-stone-200 overflow-y-auto dark:divide-stone-800"
          : "flex flex-col divide-y divide-stone-200 dark:divide-stone-800"
      }
    >
      {items.map((item) => (
        <li key={item.bookId ?? item.googleVolumeId} className={compact ? "py-2" : "py-3"}>
          <BookResult item={item} title={title?.(item)} action={action(item)} />
        </li>
      ))}
    </ul>
  );
}

export function RemoteNotice({ remote }: { remote: string | null }) {
  if (remote !== "unavailable") return null;
  return (
    <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
      Google Books cannot be reached right now: showing books from the catalog only.
    </p>
  );
}
