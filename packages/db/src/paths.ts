import { fileURLToPath } from "node:url";

/** Committed SQL migrations, found the same way from src/ and dist/. */
export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** The repository's `.data/` folder: embedded PostgreSQL data, dev mail. */
export const defaultDataDir = fileURLToPath(new URL("../../../.data", import.meta.url));
