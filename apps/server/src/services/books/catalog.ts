import { books, type Database, type Executor, eq, or, type SQL, sql } from "@booky/db";
import { type BookQuery, foldForSearch, prefixTsQuery } from "@booky/domain";
import { definePager, pageRows } from "../pagination.js";
import type { CatalogVolume } from "./google-volume.js";
import { bookSummaryColumns } from "./summary.js";

const trigramChecks = new WeakMap<Database, Promise<boolean>>();

/**
 * Whether this database has pg_trgm and the trigram index (the migration
 * creates them where it can). Checked once per process and database; without
 * them search is full-text only.
 */
export function hasTrigramSearch(db: Database): Promise<boolean> {
  let check = trigramChecks.get(db);
  if (!check) {
    check = db
      .execute<{ available: boolean }>(
        sql`select exists (select 1 from pg_extension where extname = 'pg_trgm')
          and exists (select 1 from pg_indexes where indexname = 'books_trigram_idx') as available`,
      )
      .then((rows) => Boolean(rows[0]?.available));
    trigramChecks.set(db, check);
  }
  return check;
}

/**
 * The catalog's matches for a query, best first, one keyset page (`limit + 1`
 * rows). Text queries use full-text search (title > authors > description >
 * subjects, every word a prefix) plus, with pg_trgm, word similarity on title
 * and authors for typos; ISBN queries match exactly.
 */
export const catalogSearchPager = definePager({ list: "books.search", order: "desc", key: "numeric" });

export async function searchCatalog(
  db: Database,
  query: BookQuery,
  cursor: string | null | undefined,
  limit: number,
  trigram: boolean,
) {
  let match: SQL;
  let rank: SQL<string>;
  if (query.kind === "isbn") {
    match = sql`${books.isbn13} = ${query.isbn13}`;
    rank = sql<string>`1::numeric`;
  } else {
    const tsquery = prefixTsQuery(query.text);
    const folded = foldForSearch(query.text);
    const fullText = tsquery ? sql`${books.searchVector} @@ to_tsquery('english', ${tsquery})` : sql`false`;
    const fullTextRank = tsquery
      ? sql`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', ${books.searchVector}, to_tsquery('english', ${tsquery}))`
      : sql`0`;
    const similar = trigram && folded ? sql`${folded} <% ${books.trigramText}` : sql`false`;
    const similarity = trigram && folded ? sql`word_similarity(${folded}, ${books.trigramText})` : sql`0`;
    match = sql`(${fullText} or ${similar})`;
    rank = sql<string>`round((${fullTextRank} + ${similarity})::numeric, 6)`;
  }
  const select = db
    .select({ ...bookSummaryColumns, publishedDate: books.publishedDate, rank })
    .from(books)
    .$dynamic();
  return pageRows(select, catalogSearchPager, { key: rank, id: books.id }, { cursor, limit }, match);
}

/** Which of these volumes the catalog already has (by Google id or ISBN-13). */
export async function volumesInCatalog(db: Executor, volumes: CatalogVolume[]): Promise<Set<string>> {
  if (volumes.length === 0) return new Set();
  const ids = volumes.map((volume) => volume.googleVolumeId);
  const isbns = volumes.flatMap((volume) => (volume.isbn13 ? [volume.isbn13] : []));
  const rows = await db
    .select({ googleVolumeId: books.googleVolumeId, isbn13: books.isbn13 })
    .from(books)
    .where(
      or(
        sql`${books.googleVolumeId} = any(${sql.param(ids)}::text[])`,
        isbns.length > 0 ? sql`${books.isbn13} = any(${sql.param(isbns)}::text[])` : undefined,
      ),
    );
  const known = new Set<string>();
  for (const volume of volumes) {
    if (
      rows.some(
        (row) => row.googleVolumeId === volume.googleVolumeId || (volume.isbn13 && row.isbn13 === volume.isbn13),
      )
    ) {
      known.add(volume.googleVolumeId);
    }
  }
  return known;
}

/**
 * The catalog row for a volume, created if needed. Idempotent and safe under
 * races: a book already known by its Google id or ISBN-13 is returned (and
 * linked to the volume if it was not), and a concurrent insert of the same
 * book loses to the unique indexes and reads the winner's row.
 */
export async function importVolume(db: Database, volume: CatalogVolume) {
  return db.transaction(async (tx) => {
    const existing = await findByVolume(tx, volume);
    if (existing) {
      if (!existing.googleVolumeId) {
        await tx.update(books).set({ googleVolumeId: volume.googleVolumeId }).where(eq(books.id, existing.id));
      }
      return { id: existing.id, created: false };
    }
    const [inserted] = await tx
      .insert(books)
      .values({
        googleVolumeId: volume.googleVolumeId,
        isbn13: volume.isbn13,
        title: volume.title,
        subtitle: volume.subtitle,
        authors: volume.authors,
        authorsSearch: volume.authorsSearch,
        publisher: volume.publisher,
        publishedDate: volume.publishedDate,
        pageCount: volume.pageCount,
        language: volume.language,
        coverUrl: volume.coverUrl,
        description: volume.description,
        subjects: volume.subjects,
      })
      .onConflictDoNothing()
      .returning({ id: books.id });
    if (inserted) return { id: inserted.id, created: true };
    const winner = await findByVolume(tx, volume);
    if (!winner) throw new Error(`importing volume ${volume.googleVolumeId} conflicted but no row matches`);
    return { id: winner.id, created: false };
  });
}

async function findByVolume(db: Executor, volume: CatalogVolume) {
  const [row] = await db
    .select({ id: books.id, googleVolumeId: books.googleVolumeId })
    .from(books)
    .where(
      or(eq(books.googleVolumeId, volume.googleVolumeId), volume.isbn13 ? eq(books.isbn13, volume.isbn13) : undefined),
    )
    .limit(1);
  return row ?? null;
}
