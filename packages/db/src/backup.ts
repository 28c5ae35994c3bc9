import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

/**
 * Backups are PostgreSQL's own: pg_dump's custom format, restored with
 * pg_restore. pg_dump refuses a server newer than itself, so the tools are
 * picked by version: PG_BIN when set, else the newest Debian/PGDG install
 * (/usr/lib/postgresql/<major>/bin), else whatever is on PATH.
 */
function candidateBinDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((major) => path.join(debian, major, "bin")));
  }
  dirs.push("");
  return dirs;
}

async function toolVersion(tool: string): Promise<number | null> {
  try {
    const { stdout } = await run(tool, ["--version"]);
    const match = stdout.match(/(\d+)(?:\.(\d+))?/);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`select current_setting('server_version_num') as version`;
    return Math.floor(Number(row?.version) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The pg_dump / pg_restore able to talk to the server at `url` (same major or newer). */
export async function postgresTool(name: "pg_dump" | "pg_restore", url: string): Promise<string> {
  const needed = await serverMajor(url);
  const found: string[] = [];
  for (const dir of candidateBinDirs()) {
    const tool = dir ? path.join(dir, name) : name;
    const version = await toolVersion(tool);
    if (version === null) continue;
    if (version >= needed) return tool;
    found.push(`${tool} (${version})`);
  }
  throw new Error(
    `${name} for PostgreSQL ${needed} or newer is needed; found ${found.join(", ") || "none"}. ` +
      `Install postgresql-client-${needed} or point PG_BIN at its bin folder.`,
  );
}

async function pgTool(name: "pg_dump" | "pg_restore", url: string, args: string[]): Promise<void> {
  const tool = await postgresTool(name, url);
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // PostgreSQL's own message, as the tool printed it.
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${name} failed: ${stderr || String(error)}`);
  }
}

/** Writes the whole database (schema, data, the job queue) to `file` in pg_dump's custom format. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await pgTool("pg_dump", url, ["--format=custom", "--no-owner", "--no-acl", `--file=${file}`, `--dbname=${url}`]);
}

/**
 * Restores `file` into the database at `url` in one transaction: all of it or
 * nothing. Objects already there are replaced (`--clean --if-exists`), so a
 * restore into a fresh, empty database and over an old copy both work.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  await pgTool("pg_restore", url, [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-acl",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ]);
}

/** `<dataDir>/backups/booky-<UTC time>.dump` (`.tar.gz` for a copy of the embedded cluster), the default backup file. */
export function defaultBackupFile(dataDir: string, now = new Date(), extension = "dump"): string {
  return path.join(
    dataDir,
    "backups",
    `booky-${now
      .toISOString()
      .replaceAll(":", "-")
      .replace(/\.\d+Z$/, "Z")}.${extension}`,
  );
}
