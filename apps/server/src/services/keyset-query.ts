import { and, type SQL } from "@booky/db";
import type { KeyKind, Pager, SortColumns } from "./pagination.js";

/** A select builder up to its WHERE: what `pageRows` finishes. */
interface Filterable<R> {
  where(condition: SQL | undefined): { orderBy(...columns: SQL[]): { limit(count: number): R } };
}

/**
 * Finishes a list's select with the pager: its own condition and "after the
 * cursor", the matching order, and `limit + 1` rows (the extra one says
 * whether there is a next page). Hand the rows to `pager.page`.
 */
export function pageRows<R, K extends KeyKind>(
  query: Filterable<R>,
  pager: Pager<K>,
  sort: SortColumns,
  page: { cursor?: string | null; limit: number },
  condition: SQL | undefined,
): R {
  return query
    .where(and(condition, pager.after(page.cursor, sort)))
    .orderBy(...pager.orderBy(sort))
    .limit(page.limit + 1);
}
