import { restoreDatabase } from "../backup.js";
import { withResolvedDatabase } from "./run.js";

// pnpm db:restore <file>: into DATABASE_URL, or the embedded database under DATA_DIR (stop Booky first).
const file = process.argv[2];
if (!file) {
  console.error("usage: pnpm db:restore <file written by pnpm db:backup>");
  process.exit(2);
}
await withResolvedDatabase(async (url) => {
  await restoreDatabase(url, file);
  console.log(`Restored ${file}`);
});
