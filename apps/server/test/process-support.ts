import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, vi } from "vitest";

/**
 * Booky as operators run it, one OS process each (`node dist/main.js`,
 * `node dist/worker.js`), here from sources; every process a test starts is
 * stopped after the file, and its DATA_DIR removed.
 */
const serverDir = fileURLToPath(new URL("..", import.meta.url));
const running = new Set<BookyProcess>();
afterAll(async () => {
  await Promise.all([...running].map((child) => child.kill("SIGKILL")));
});

export const TEST_JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";

export interface BookyProcess {
  child: ChildProcess;
  output: string[];
  /** The base URL once the server listens (servers only). */
  url: string;
  /** Resolves with the exit code (or the signal's name) when the process is gone and its output all read. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Starts `src/<entry>.ts` with Booky's test defaults under `env`; a server resolves once /readyz answers. */
export async function startBookyProcess(
  entry: "main" | "worker",
  env: Record<string, string>,
  options: { waitReady?: boolean } = {},
): Promise<BookyProcess> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), "booky-process-")));
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", `src/${entry}.ts`], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: "0",
      JWT_SECRET: TEST_JWT_SECRET,
      COOKIE_SECURE: "false",
      GOOGLE_BOOKS_ENABLED: "false",
      WEB_DIST_DIR: "/nonexistent",
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  // "close", not "exit": "exit" can come while the pipes still hold the process's last words (a failed start's
  // message), and a test reading `output` then would miss them. "close" comes once stdout and stderr are drained.
  const exited = new Promise<number | string>((resolve) =>
    child.once("close", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const made: BookyProcess = {
    child,
    output,
    url: "",
    exited,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const result = await exited;
      running.delete(made);
      if (!env.DATA_DIR) await rm(dataDir, { recursive: true, force: true });
      return result;
    },
  };
  running.add(made);
  if (entry === "main" && options.waitReady !== false) made.url = await readyUrl(made);
  return made;
}

/** Waits for the server's "ready" line (it names the address PORT=0 picked), then for /readyz. */
export async function readyUrl(booky: BookyProcess, timeout = 60_000): Promise<string> {
  return vi.waitFor(
    async () => {
      if (booky.child.exitCode !== null) throw new Error(`exited early:\n${booky.output.join("")}`);
      const line = booky.output
        .join("")
        .split("\n")
        .find((text) => text.includes("Booky is ready at"));
      const address = line ? (JSON.parse(line) as { address?: string }).address : undefined;
      if (!address) throw new Error(`not listening yet:\n${booky.output.join("").slice(-2000)}`);
      const response = await fetch(`${address}/readyz`);
      if (!response.ok) throw new Error(`not ready: ${response.status}`);
      return address;
    },
    { timeout, interval: 100 },
  );
}

/** `node dist/worker.js` as operators run it (from sources) on the test's database, with its own connections. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): Promise<BookyProcess> {
  return startBookyProcess("worker", { DATABASE_URL: databaseUrl, ...env });
}

export interface HalfwayKill {
  databaseUrl: string;
  /** Locks the rows the worker will wait on, from a connection of the test's: `select … for update`. */
  lock: string;
  params?: string[];
  /** An ILIKE pattern of the worker's statement that waits for the lock (`%update "copies"%`). */
  waitingOn: string;
  /** Starts the worker (or lets it go on) once the rows are held; the process it answers is the one killed. */
  run: () => Promise<BookyProcess>;
  /** Checked while the worker waits, just before the kill. */
  beforeKill?: () => Promise<void>;
}

/**
 * Stops a worker halfway and kills it there: holds `lock`'s rows, runs the
 * worker until its statement matching `waitingOn` waits for them, kills it
 * with SIGKILL, ends the dead worker's database sessions (what PostgreSQL does
 * once it notices the client is gone: anything the worker had not committed is
 * rolled back, and a statement it had not finished never runs), then lets the
 * rows go.
 */
export async function killWorkerHalfway(options: HalfwayKill): Promise<void> {
  const probe = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const blocker = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const reserved = await blocker.reserve();
  try {
    await reserved`begin`;
    await reserved.unsafe(options.lock, options.params ?? []);
    const worker = await options.run();
    const waiting = await vi.waitFor(
      async () => {
        const rows = await probe<{ pid: number }[]>`
          select pid from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike ${options.waitingOn}`;
        if (rows.length === 0) throw new Error(`worker not blocked yet:\n${worker.output.join("").slice(-2000)}`);
        return rows.map((row) => row.pid);
      },
      { timeout: 30_000, interval: 100 },
    );
    await options.beforeKill?.();
    await worker.kill("SIGKILL");
    await probe`select pg_terminate_backend(pid) from pg_stat_activity where pid = any(${waiting}::int[])`;
    await vi.waitFor(
      async () => {
        const left = await probe`select 1 from pg_stat_activity where pid = any(${waiting}::int[])`;
        if (left.length > 0) throw new Error("the dead worker's sessions are still there");
      },
      { timeout: 15_000, interval: 100 },
    );
  } finally {
    await reserved`rollback`.catch(() => {});
    reserved.release();
    await Promise.all([blocker.end(), probe.end()]);
  }
}
