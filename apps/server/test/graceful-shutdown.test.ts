import postgres from "postgres";
import { describe, expect, it, vi } from "vitest";
import { createTestClient, newMember, startTestServer } from "./harness.js";
import { startBookyProcess } from "./process-support.js";
import { bettingRace, closeRace, expectLedgerConsistent, settled } from "./race-support.js";

/**
 * SIGTERM to a server process in the middle of work: requests it has accepted
 * and a settlement job it is running all finish (nothing fails), then it
 * exits 0. The in-process test server only makes the scene; the process serves.
 */
const database = await startTestServer();

const incoming = (output: string[]) => output.join("").split('"msg":"incoming request"').length - 1;

describe("graceful shutdown", () => {
  it("finishes accepted requests and the running job before it exits", async () => {
    const race = await bettingRace(database, 2);
    const { ana } = race;

    // Hold ana's (the winner's) balance row so the settlement stops halfway, inside its transaction, until we let go.
    const blocker = postgres(database.databaseUrl, { max: 1, onnotice: () => {} });
    const reserved = await blocker.reserve();
    await reserved`begin`;
    await reserved`select * from point_balances where user_id = ${ana.user.id} for update`;

    const server = await startBookyProcess("main", { DATABASE_URL: database.databaseUrl, TRUST_PROXY: "true" });
    await closeRace(race);
    await vi.waitFor(
      async () => {
        const [row] = await database.sql<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike '%point_%'`;
        if (row?.n !== 1) throw new Error("the settlement is not under way yet");
      },
      { timeout: 30_000, interval: 100 },
    );

    // A mixed load: sign-ups (argon2 keeps each in flight a while) and club creations.
    const owner = createTestClient(server.url, { unbatched: true });
    owner.accessToken = (await owner.trpc.auth.signUp.mutate(newMember())).accessToken;
    const before = incoming(server.output);
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const from = createTestClient(server.url, { unbatched: true, headers: { "x-forwarded-for": `10.9.0.${i + 1}` } });
      calls.push(
        i % 2
          ? from.trpc.auth.signUp.mutate(newMember())
          : owner.trpc.clubs.create.mutate({ name: `Late ${i}`, category: "poetry", isOnline: true }),
      );
    }
    await vi.waitFor(
      () => {
        if (incoming(server.output) < before + calls.length) throw new Error("not all accepted yet");
      },
      { timeout: 15_000, interval: 20 },
    );

    server.child.kill("SIGTERM");
    await vi.waitFor(
      () => {
        if (!server.output.join("").includes('"msg":"shutting down"')) throw new Error("not shutting down yet");
      },
      { timeout: 10_000, interval: 20 },
    );
    // Only now may the job go on: the server waits for it.
    await reserved`rollback`;
    reserved.release();
    await blocker.end();

    const outcomes = await Promise.allSettled(calls);
    const failed = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(failed, "every accepted request is answered").toEqual([]);
    // One SIGTERM only (a second one means "now"): wait for the exit.
    expect(await server.exited, server.output.join("").slice(-2000)).toBe(0);
    const log = server.output.join("");
    expect(log.indexOf('"msg":"settlement"')).toBeGreaterThan(log.indexOf('"msg":"shutting down"'));
    expect(await settled(database, race.meeting.id)).toMatchObject({ kind: "paid", winnerIds: [ana.user.id] });
    await expectLedgerConsistent(database);
  }, 90_000);
});
