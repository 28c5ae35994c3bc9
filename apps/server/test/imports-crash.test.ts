import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { and, copies, eq, importJobs, importRows, shelves, sql } from "@booky/db";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";
import { importDone, upload } from "./imports-support.js";

// No in-process workers: worker processes run the import, and one is killed.
const server = await startTestServer();
const serverDir = fileURLToPath(new URL("..", import.meta.url));
const workers = new Set<ChildProcess>();
afterAll(() => {
  for (const worker of workers) worker.kill("SIGKILL");
});

function startWorkerProcess() {
  const worker = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/worker.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: server.databaseUrl,
      LOG_LEVEL: "info",
      NODE_ENV: "test",
      GOOGLE_BOOKS_ENABLED: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.add(worker);
  const output: string[] = [];
  worker.stdout?.on("data", (chunk) => output.push(String(chunk)));
  worker.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return { worker, output, exited };
}

const HEADER = "Book Id,Title,Author,ISBN,ISBN13,My Rating,Exclusive Shelf,Bookshelves,Owned Copies";
/** Ten owned books; the sixth is also on the shelf "held", which the test locks to stop the worker there. */
const file = [
  HEADER,
  ...Array.from({ length: 10 }, (_, i) => `${i + 1},Resumed ${i + 1},Ann Author,,,4,read,${i === 5 ? "held" : ""},1`),
].join("\n");

describe("an import survives its worker being killed", () => {
  it("rows done stay done, the row in hand is rolled back, a new worker resumes and imports each row once", async () => {
    const me = await signedUpClient(server);
    const held = await me.client.trpc.shelves.create.mutate({ name: "held" });
    const started = await upload(server, me.client.accessToken ?? "", file);
    const importId = started.body.id ?? "";

    // Lock the shelf: the worker's sixth row waits on it (adding the book to it), inside its transaction.
    const blocker = postgres(server.databaseUrl, { max: 1, onnotice: () => {} });
    const reserved = await blocker.reserve();
    await reserved`begin`;
    await reserved`select * from shelves where id = ${held?.id ?? ""} for update`;
    const first = startWorkerProcess();
    await vi.waitFor(
      async () => {
        const waiting = await server.sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%shelf_books%'`;
        if (waiting[0]?.n !== 1) throw new Error(`worker not blocked yet:\n${first.output.join("")}`);
      },
      { timeout: 30_000, interval: 100 },
    );
    first.worker.kill("SIGKILL");
    await first.exited;
    await reserved`rollback`;
    reserved.release();
    await blocker.end();
    await vi.waitFor(
      async () => {
        const left = await server.sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and query ilike '%shelf_books%' and state <> 'idle' and pid <> pg_backend_pid()`;
        if (left[0]?.n !== 0) throw new Error("the dead worker's transaction is still open");
      },
      { timeout: 15_000, interval: 100 },
    );

    const [halfway] = await server.db.select().from(importJobs).where(eq(importJobs.id, importId));
    expect([halfway?.doneRows, halfway?.finishedAt]).toEqual([5, null]);
    expect(
      await server.db.$count(importRows, and(eq(importRows.jobId, importId), eq(importRows.status, "pending"))),
    ).toBe(5);
    expect(await server.db.$count(copies, eq(copies.ownerId, me.user.id))).toBe(5);

    // The sweep notices the stalled import and a new worker finishes it.
    await server.db.execute(
      sql`update import_jobs set heartbeat_at = now() - interval '2 minutes' where id = ${importId}`,
    );
    const second = startWorkerProcess();
    await server.db.execute(sql`select graphile_worker.add_job('imports-sweep')`);
    const done = await importDone(server, importId);
    second.worker.kill("SIGTERM");
    await second.exited;
    // The sixth book's catalog row was created before the dead worker's row transaction (catalog rows are
    // shared and committed on their own), so the resumed run finds it: matched, not created twice.
    expect([done.doneRows, done.created, done.matched, done.failed]).toEqual([10, 9, 1, 0]);
    expect(await server.db.$count(copies, eq(copies.ownerId, me.user.id))).toBe(10);
    expect((await me.client.trpc.shelves.contents.query({ shelfId: held?.id ?? "" })).items).toHaveLength(1);
    expect(await server.db.$count(shelves, eq(shelves.userId, me.user.id))).toBe(1);
    // Two worker processes start (tsx) and an import runs twice: a minute on a loaded machine.
  }, 60_000);
});
