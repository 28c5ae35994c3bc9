import { createRequire } from "node:module";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it, vi } from "vitest";

/**
 * Booky's patch of postgres.js's queue (patches/postgres@3.4.9.patch, docs/testing.md). A shift leaves a hole
 * at the front, and 3.4.9 started the array again only when a shift emptied it; its pool moves each connection
 * out of the open queue with a shift and then a `remove` that scans the whole array. A pool with more idle
 * connections than queries at once never empties that queue, so the array grew by one hole per query and each
 * query scanned all of them (CPU per query rising for as long as the process runs).
 *
 * The test watches the arrays the queue searches (every `Array.prototype.indexOf` call while it runs) instead of
 * timing anything: patched, they stay the size of what is queued; unpatched, they reach the number of queries.
 */
interface Queue<T> {
  readonly length: number;
  push(item: T): T;
  shift(): T;
  remove(item: T): T | null;
}

const postgresMain = createRequire(import.meta.url).resolve("postgres");
const queueFile = postgresMain.replace(/index\.js$/, "queue.js");
/** Both builds the package ships: CommonJS (what `require` resolves) and the ES module beside it. */
const queueFiles = [
  ["CommonJS", queueFile],
  ["ES module", queueFile.replace("/cjs/src/", "/src/")],
];

/** The longest array `indexOf` was called on while `work` ran. */
async function longestSearched(work: () => unknown) {
  let longest = 0;
  const indexOf = Array.prototype.indexOf;
  const spy = vi.spyOn(Array.prototype, "indexOf").mockImplementation(function (this: unknown[], ...args) {
    longest = Math.max(longest, this.length);
    return indexOf.apply(this, args as [unknown, number?]);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return longest;
}

describe("postgres.js's queue with Booky's patch", () => {
  it.each(queueFiles)("keeps a queue that never runs empty as small as what it holds (%s)", async (_build, file) => {
    const { default: Queue } = (await import(file)) as { default: <T>(initial?: T[]) => Queue<T> };
    const open = Queue<{ id: number }>();
    const connections = Array.from({ length: 8 }, (_, id) => ({ id }));
    for (const connection of connections) open.push(connection);

    // What the pool does per query with eight idle connections: take the first, move it (remove, which finds it
    // gone), and put it back when its query is done.
    const longest = await longestSearched(() => {
      for (let query = 0; query < 50_000; query++) {
        const connection = open.shift();
        expect(open.remove(connection)).toBeNull();
        open.push(connection);
      }
    });

    expect(open.length).toBe(8);
    expect(longest).toBeLessThanOrEqual(2 * 1024 + 8);
    // Still a queue: first in, first out, and remove takes out what is there.
    expect(open.shift()).toBe(connections[50_000 % 8]);
    expect(open.remove(connections[3] as { id: number })).toBe(connections[3]);
    expect(open.length).toBe(6);
    while (open.length > 0) open.shift();
    expect(open.remove(connections[0] as { id: number })).toBeNull();
  });

  describe("in a real pool", () => {
    const sql = postgres(inject("adminDatabaseUrl"), { max: 10, onnotice: () => {} });
    afterAll(() => sql.end());

    it("searches no more than the pool's connections however many queries it has run", async () => {
      // A burst opens all ten connections; then two queries at a time leave eight idle in the open queue.
      await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.02)`));
      const longest = await longestSearched(async () => {
        for (let pair = 0; pair < 3_000; pair++) await Promise.all([sql`select 1`, sql`select 2`]);
      });
      // Unpatched, the open queue's array holds a hole for each of the 6,000 queries.
      expect(longest).toBeLessThan(2 * 1024 + 10);
    });
  });
});
