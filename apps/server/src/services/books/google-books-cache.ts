import { type Database, googleBooksQueries, googleBooksVolumes, inArray, sql } from "@booky/db";
import { type CatalogVolume, catalogVolumeSchema } from "./google-volume.js";

/**
 * Books API answers kept in PostgreSQL, so every server process shares them:
 * a query page maps to volume ids, a volume id to its mapped data. Only
 * validated, mapped volumes are written (never a raw or failed answer), and
 * a stored row that no longer parses counts as a miss.
 */
export function createGoogleBooksCache(db: Database, ttlSeconds: number) {
  const expiresAt = sql`now() + make_interval(secs => ${ttlSeconds})`;

  async function getQuery(key: string) {
    const [row] = await db
      .select({ volumeIds: googleBooksQueries.volumeIds, totalItems: googleBooksQueries.totalItems })
      .from(googleBooksQueries)
      .where(sql`${googleBooksQueries.queryKey} = ${key} and ${googleBooksQueries.expiresAt} > now()`);
    return row ?? null;
  }

  async function putQuery(key: string, volumeIds: string[], totalItems: number): Promise<void> {
    await db
      .insert(googleBooksQueries)
      .values({ queryKey: key, volumeIds, totalItems, expiresAt })
      .onConflictDoUpdate({
        target: googleBooksQueries.queryKey,
        set: { volumeIds, totalItems, fetchedAt: sql`now()`, expiresAt },
      });
  }

  async function getVolumes(ids: string[]): Promise<Map<string, CatalogVolume>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ volumeId: googleBooksVolumes.volumeId, data: googleBooksVolumes.data })
      .from(googleBooksVolumes)
      .where(sql`${inArray(googleBooksVolumes.volumeId, ids)} and ${googleBooksVolumes.expiresAt} > now()`);
    const found = new Map<string, CatalogVolume>();
    for (const row of rows) {
      const parsed = catalogVolumeSchema.safeParse(row.data);
      if (parsed.success) found.set(row.volumeId, parsed.data);
    }
    return found;
  }

  async function putVolumes(volumes: CatalogVolume[]): Promise<void> {
    const unique = [...new Map(volumes.map((volume) => [volume.googleVolumeId, volume])).values()];
    if (unique.length === 0) return;
    await db
      .insert(googleBooksVolumes)
      .values(unique.map((volume) => ({ volumeId: volume.googleVolumeId, data: volume, expiresAt })))
      .onConflictDoUpdate({
        target: googleBooksVolumes.volumeId,
        set: { data: sql`excluded.data`, fetchedAt: sql`now()`, expiresAt },
        // A search's thinner form never replaces a volume cached in full.
        setWhere: sql`not (${googleBooksVolumes.data}->>'detail' = 'full' and excluded.data->>'detail' is distinct from 'full')`,
      });
  }

  /** Drops expired rows; returns how many went. */
  async function purgeExpired(): Promise<number> {
    const queries = await db
      .delete(googleBooksQueries)
      .where(sql`${googleBooksQueries.expiresAt} <= now()`)
      .returning({ key: googleBooksQueries.queryKey });
    const volumes = await db
      .delete(googleBooksVolumes)
      .where(sql`${googleBooksVolumes.expiresAt} <= now()`)
      .returning({ id: googleBooksVolumes.volumeId });
    return queries.length + volumes.length;
  }

  return { getQuery, putQuery, getVolumes, putVolumes, purgeExpired };
}

export type GoogleBooksCache = ReturnType<typeof createGoogleBooksCache>;
