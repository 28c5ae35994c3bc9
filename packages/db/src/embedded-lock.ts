import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * What to do about a `postmaster.pid` left in a data directory: the lock file
 * PostgreSQL writes on start (line 1 its PID, line 2 its data directory) and
 * removes on a clean stop. After `kill -9` of the Node process that started
 * it, the postmaster runs on, orphaned, holding the lock; after a crash of the
 * postmaster itself the file names a dead (or, in containers, a reused) PID.
 */
export type LockState =
  | { kind: "none" }
  /** The process is gone: PostgreSQL itself takes over such a lock (after checking no old backend lingers). */
  | { kind: "dead"; pid: number }
  /** The PID now belongs to some other process (containers reuse PIDs): PostgreSQL would refuse, wrongly. */
  | { kind: "reused"; pid: number }
  | { kind: "orphan"; pid: number }
  | { kind: "in-use"; pid: number; parent: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sameDir(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Whether `pid` is a postmaster of `dir`: PostgreSQL makes its data directory its working directory. */
function servesDir(pid: number, dir: string): boolean {
  if (existsSync(`/proc/${pid}/cwd`)) return sameDir(`/proc/${pid}/cwd`, dir);
  try {
    const command = execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
    return command.includes("postgres") && command.includes(path.resolve(dir));
  } catch {
    return false;
  }
}

function parentOf(pid: number): { pid: number; command: string } | null {
  try {
    const parent = existsSync(`/proc/${pid}/stat`)
      ? Number(
          readFileSync(`/proc/${pid}/stat`, "utf8")
            .replace(/^.*\) /s, "")
            .split(" ")[1],
        )
      : Number(execFileSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" }).trim());
    const command = existsSync(`/proc/${parent}/cmdline`)
      ? readFileSync(`/proc/${parent}/cmdline`, "utf8").replaceAll("\u0000", " ")
      : execFileSync("ps", ["-o", "command=", "-p", String(parent)], { encoding: "utf8" });
    return { pid: parent, command };
  } catch {
    return null;
  }
}

export function lockStateOf(dir: string): LockState {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return { kind: "none" };
  const [pidLine = "", dirLine = ""] = readFileSync(file, "utf8").split("\n");
  const pid = Number(pidLine.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isAlive(pid)) return { kind: "dead", pid };
  // Booky's own cluster: the lock names this directory, and the process serves it.
  if (!sameDir(dirLine.trim(), dir) || !servesDir(pid, dir)) return { kind: "reused", pid };
  const parent = parentOf(pid);
  // Started by a Node process that still runs: another Booky on the same DATA_DIR, not an orphan.
  if (parent && parent.pid > 1 && /\bnode\b|\/node /.test(parent.command)) {
    return { kind: "in-use", pid, parent: parent.pid };
  }
  return { kind: "orphan", pid };
}

/** Removes a lock file whose PID is not a postmaster of this directory any more (a reused PID). */
export function removeReusedLock(dir: string): void {
  rmSync(path.join(dir, "postmaster.pid"), { force: true });
}

/** Waits until `pid` is gone, polling; false if it outlived `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Stops an orphaned postmaster: a fast shutdown (SIGINT: it checkpoints and
 * exits), then an immediate one (SIGQUIT: the next start replays the WAL)
 * if it takes too long. Acknowledged writes are in the WAL either way.
 */
export async function stopOrphan(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 20_000)) return;
  process.kill(pid, "SIGQUIT");
  if (await waitForExit(pid, 10_000)) return;
  process.kill(pid, "SIGKILL");
  await waitForExit(pid, 5_000);
}
