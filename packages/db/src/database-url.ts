import path from "node:path";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded.js";
import { defaultDataDir } from "./paths.js";

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

/**
 * `DATABASE_URL` when given; otherwise the embedded PostgreSQL under
 * `<dataDir>/postgres`, which the caller stops with `embedded.stop()`.
 */
export async function resolveDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  onLog?: (message: string) => void;
}): Promise<ResolvedDatabase> {
  if (options.databaseUrl) return { url: options.databaseUrl, embedded: null };
  const dir = path.join(options.dataDir ?? defaultDataDir, "postgres");
  const embedded = await startEmbeddedPostgres({ dir, ...(options.onLog ? { onLog: options.onLog } : {}) });
  return { url: embedded.url, embedded };
}

/** Same server, another database name. */
export function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}
