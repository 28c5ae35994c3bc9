import { existsSync } from "node:fs";
import { chmod, chown, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as tar from "tar";
import { startEmbeddedPostgres } from "./embedded.js";
import { lockStateOf } from "./embedded-lock.js";

/**
 * The embedded database's backup: a file-system copy of its stopped cluster
 * (PostgreSQL's "file system level backup"), as a gzipped tar. The embedded
 * package ships PostgreSQL 18's server but no pg_dump, and an older pg_dump
 * refuses a newer server; the cluster copy needs no client tools, and the
 * embedded binaries are pinned, so the major version that reads it back is
 * the one that wrote it (checked on restore).
 *
 * Booky must be stopped (the cluster has one owner). A cluster left unclean by
 * a kill is first started and stopped, so PostgreSQL replays its write-ahead
 * log and the copy is of a cleanly shut down cluster.
 */

/** Written only by a running postmaster; never part of a copy. */
const RUNTIME_FILES = new Set(["postmaster.pid", "postmaster.opts"]);

function refuseWhileRunning(dir: string): void {
  const lock = lockStateOf(dir);
  if (lock.kind === "in-use") {
    throw new Error(
      `Booky (process ${lock.parent}) is running on ${dir}: stop it first, the embedded database has one owner`,
    );
  }
}

/** Leaves the cluster cleanly shut down: a dirty one (killed, or an orphan postmaster) is started and stopped. */
async function shutDownCleanly(dir: string): Promise<void> {
  refuseWhileRunning(dir);
  if (lockStateOf(dir).kind === "none") return;
  const embedded = await startEmbeddedPostgres({ dir, onEvent: () => {} });
  await embedded.stop();
}

async function majorOf(versionFile: string): Promise<string> {
  return (await readFile(versionFile, "utf8")).trim();
}

/** Writes the stopped cluster in `dir` to `file` (a .tar.gz). */
export async function backupCluster(dir: string, file: string): Promise<void> {
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`No embedded database in ${dir}`);
  await shutDownCleanly(dir);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await tar.create({ gzip: true, file, cwd: dir, filter: (entry) => !RUNTIME_FILES.has(entry.replace(/^\.\//, "")) }, [
    ".",
  ]);
}

/** Whether `file` starts like a gzip file (a cluster copy) rather than pg_dump's custom format ("PGDMP"). */
export async function isClusterBackup(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Unpacks a cluster copy into `staging`, owned like its files (PostgreSQL wants its folder to itself, mode 700). */
async function unpack(file: string, staging: string): Promise<void> {
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    // preserveOwner (the default as root) gives the files back to the OS user PostgreSQL runs as.
    await tar.extract({ file, cwd: staging, strict: true });
  } catch (error) {
    throw new Error(`${file} is not a copy of an embedded Booky database: ${(error as Error).message}`);
  }
  const versionFile = path.join(staging, "PG_VERSION");
  if (!existsSync(versionFile)) throw new Error(`${file} is not a copy of an embedded Booky database (no PG_VERSION)`);
  const owner = await stat(versionFile);
  await chown(staging, owner.uid, owner.gid);
  await chmod(staging, 0o700);
}

/**
 * Replaces the cluster in `dir` by the copy in `file`. The cluster it replaces
 * is kept beside it (`<dir>.before-restore-<time>`) and named in the result;
 * the restored one is started once, to check PostgreSQL accepts it.
 */
export async function restoreCluster(dir: string, file: string, now = new Date()): Promise<{ kept: string | null }> {
  const staging = `${dir}.restoring-${now.getTime()}`;
  try {
    await unpack(file, staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const versionFile = path.join(staging, "PG_VERSION");
  let kept: string | null = null;
  if (existsSync(path.join(dir, "PG_VERSION"))) {
    const [wanted, found] = [await majorOf(path.join(dir, "PG_VERSION")), await majorOf(versionFile)];
    if (wanted !== found) {
      await rm(staging, { recursive: true, force: true });
      throw new Error(`${file} is a PostgreSQL ${found} cluster; this Booky's embedded PostgreSQL is ${wanted}`);
    }
    await shutDownCleanly(dir);
    kept = `${dir}.before-restore-${now.toISOString().replaceAll(":", "-")}`;
    await rename(dir, kept);
  }
  await rename(staging, dir);
  const embedded = await startEmbeddedPostgres({ dir, onEvent: () => {} });
  await embedded.stop();
  return { kept };
}
