import path from "node:path";
import { backupDatabase, defaultBackupFile } from "../backup.js";
import { backupCluster } from "../cluster-backup.js";
import { defaultDataDir } from "../paths.js";

// pnpm db:backup [file]: pg_dump of DATABASE_URL, or a copy of the embedded cluster under DATA_DIR (stop Booky first).
const dataDir = process.env.DATA_DIR ?? defaultDataDir;
const databaseUrl = process.env.DATABASE_URL;
const file = process.argv[2] ?? defaultBackupFile(dataDir, new Date(), databaseUrl ? "dump" : "tar.gz");
if (databaseUrl) await backupDatabase(databaseUrl, file);
else await backupCluster(path.join(dataDir, "postgres"), file);
console.log(`Backed up to ${file}`);
