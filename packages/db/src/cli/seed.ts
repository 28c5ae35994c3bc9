import { createDatabase } from "../client.js";
import { migrateDatabase } from "../migrate.js";
import { DEMO_PASSWORD, seedDemoData } from "../seed/demo.js";
import { withResolvedDatabase } from "./run.js";

await withResolvedDatabase(async (url) => {
  await migrateDatabase(url);
  const { db, close } = createDatabase(url, { max: 1 });
  try {
    const result = await seedDemoData(db);
    console.log(
      `Seeded ${result.users} new demo users (password: ${DEMO_PASSWORD}) and ${result.books} catalog books.`,
    );
  } finally {
    await close();
  }
});
