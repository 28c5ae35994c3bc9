/**
 * `pnpm db:seed`: the demo community on the configured database (the embedded
 * one unless DATABASE_URL is set), migrated first. Idempotent.
 */
import { createDatabase, DEMO_PASSWORD, migrateDatabase, resolveDatabase } from "@booky/db";
import { loadConfigOrExit } from "../config.js";
import { seedDemoCommunity } from "../demo/community.js";

const config = loadConfigOrExit();
const resolved = await resolveDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await migrateDatabase(resolved.url);
  const { db, close } = createDatabase(resolved.url, { max: 2 });
  try {
    const result = await seedDemoCommunity(db, { publicUrl: config.PUBLIC_URL });
    console.log(
      `Seeded ${result.users} new demo users (password: ${DEMO_PASSWORD}), ${result.books} catalog books` +
        (result.community ? " and the demo clubs." : "; the demo clubs were already there."),
    );
  } finally {
    await close();
  }
} finally {
  await resolved.embedded?.stop();
}
