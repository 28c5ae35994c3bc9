import { backupDatabase, defaultBackupFile } from "../backup.js";
import { defaultDataDir } from "../paths.js";
import { withResolvedDatabase } from "./run.js";

// pnpm db:backup [file]: DATABASE_URL, or the embedded database under DATA_DIR.
const file = process.argv[2] ?? defaultBackupFile(process.env.DATA_DIR ?? defaultDataDir);
await withResolvedDatabase(async (url) => {
  await backupDatabase(url, file);
  console.log(`Backed up to ${file}`);
});
