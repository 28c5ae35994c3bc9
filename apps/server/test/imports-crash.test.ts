import { and, copies, eq, importJobs, importRows, shelves, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";
import { importDone, upload } from "./imports-support.js";
import { killWorkerHalfway, startWorker } from "./process-support.js";

// No in-process workers: worker processes run the import, and one is killed.
const server = await startTestServer();

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

    // The shelf held: the worker's sixth row waits on it (adding the book to it), inside its transaction.
    await killWorkerHalfway({
      databaseUrl: server.databaseUrl,
      lock: "select * from shelves where id = $1 for update",
      params: [held?.id ?? ""],
      waitingOn: "%shelf_books%",
      run: () => startWorker(server.databaseUrl),
    });

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
    const second = await startWorker(server.databaseUrl);
    await server.db.execute(sql`select graphile_worker.add_job('imports-sweep')`);
    const done = await importDone(server, importId);
    await second.kill("SIGTERM");
    // The sixth book's catalog row was created before the dead worker's row transaction (catalog rows are
    // shared and committed on their own), so the resumed run finds it: matched, not created twice.
    expect([done.doneRows, done.created, done.matched, done.failed]).toEqual([10, 9, 1, 0]);
    expect(await server.db.$count(copies, eq(copies.ownerId, me.user.id))).toBe(10);
    expect((await me.client.trpc.shelves.contents.query({ shelfId: held?.id ?? "" })).items).toHaveLength(1);
    expect(await server.db.$count(shelves, eq(shelves.userId, me.user.id))).toBe(1);
    // Two worker processes start (tsx) and an import runs twice: a minute on a loaded machine.
  }, 60_000);
});
