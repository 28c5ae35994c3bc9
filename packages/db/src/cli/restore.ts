import path from "node:path";
import { restoreDatabase } from "../backup.js";
import { isClusterBackup, restoreCluster } from "../cluster-backup.js";
import { defaultDataDir } from "../paths.js";
import { withResolvedDatabase } from "./run.js";

// pnpm db:restore <file>: a pg_dump file into DATABASE_URL (or the embedded database), or a copy of the
// embedded cluster over the one under DATA_DIR (stop Booky first).
const file = process.argv[2];
if (!file) {
  console.error("usage: pnpm db:restore <file written by pnpm db:backup>");
  process.exit(2);
}
if (await isClusterBackup(file)) {
  if (process.env.DATABASE_URL) {
    console.error(`${file} is a copy of an embedded database: restore it without DATABASE_URL (into DATA_DIR)`);
    process.exit(2);
  }
  const { kept } = await restoreCluster(path.join(process.env.DATA_DIR ?? defaultDataDir, "postgres"), file);
  console.log(`Restored ${file}${kept ? `; the database it replaced is kept in ${kept}` : ""}`);
} else {
  await withResolvedDatabase(async (url) => {
    await restoreDatabase(url, file);
    console.log(`Restored ${file}`);
  });
}
