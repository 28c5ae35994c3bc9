import { resolveDatabase } from "../database-url.js";

/** Runs a task against DATABASE_URL or the embedded database, then stops it. */
export async function withResolvedDatabase(task: (url: string) => Promise<void>): Promise<void> {
  const { url, embedded } = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR,
  });
  try {
    await task(url);
  } finally {
    await embedded?.stop();
  }
}
