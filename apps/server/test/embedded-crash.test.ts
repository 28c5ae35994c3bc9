import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestClient, newMember, type TestClient } from "./harness.js";
import { type BookyProcess, readyUrl, startBookyProcess } from "./process-support.js";

/**
 * `npm start`'s server on its embedded PostgreSQL (no DATABASE_URL), killed
 * with SIGKILL under a mixed write load: the server alone (its PostgreSQL runs
 * on, orphaned, and the next start stops it), the database alone (the server
 * restarts it), and both. After each, every write the load saw acknowledged is
 * there and no ledger entry is doubled; nobody does anything by hand.
 */
const dataDir = await mkdtemp(path.join(tmpdir(), "booky-crash-"));
// As root, PostgreSQL runs as the `postgres` user, which must reach its folder inside.
await chmod(dataDir, 0o755);
const clusterDir = path.join(dataDir, "postgres");
// Behind a "proxy" each sign-up comes from an address of its own, so the per-IP sign-up limit stays out of the way.
const env = { DATA_DIR: dataDir, JOBS_IN_PROCESS: "true", DATABASE_POOL_MAX: "4", TRUST_PROXY: "true" };
let lastIp = 0;
const freshClient = (url: string) =>
  createTestClient(url, {
    unbatched: true,
    headers: { "x-forwarded-for": `10.${(++lastIp >> 16) & 255}.${(lastIp >> 8) & 255}.${lastIp & 255}` },
  });
let server: BookyProcess = await startBookyProcess("main", env);

afterAll(async () => {
  await server.kill("SIGTERM");
  const lock = postmasterPid();
  if (lock) process.kill(lock, "SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

/** The running postmaster's PID and port, from its lock file. */
function postmasterPid(): number | null {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function embeddedUrl(): string {
  const port = readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  return `postgres://postgres:booky-embedded@127.0.0.1:${port}/postgres`;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** What the load saw acknowledged (a 200 answer), and every error code it got. */
const acked = { users: [] as { email: string; id: string }[], clubs: [] as string[], bio: new Map<string, number>() };
const errors = new Map<string, number>();

/** Mixed writes until `stop()`: sign-ups (a user, a ledger grant, a balance), club creations, profile edits. */
function startLoad(url: string) {
  let running = true;
  const note = (error: unknown) => {
    const code = (error as { data?: { code?: string } }).data?.code ?? (error as Error).name;
    errors.set(code, (errors.get(code) ?? 0) + 1);
  };
  const signUps = async () => {
    while (running) {
      const details = newMember();
      try {
        const session = await freshClient(url).trpc.auth.signUp.mutate(details);
        acked.users.push({ email: details.email, id: session.user.id });
      } catch (error) {
        note(error);
      }
    }
  };
  const edits = async (client: TestClient, userId: string, lane: number) => {
    for (let n = 0; running; n++) {
      try {
        if (n % 2 === 0) {
          const club = await client.trpc.clubs.create.mutate({
            name: `Crash ${lane} ${n} ${Date.now()}`,
            category: "fiction",
            isOnline: true,
          });
          acked.clubs.push(club.id);
        } else {
          await client.trpc.users.updateProfile.mutate({ bio: `v${n}` });
          acked.bio.set(userId, n);
        }
      } catch (error) {
        note(error);
      }
    }
  };
  const done = (async () => {
    // Two editors with sessions made now (sign-up is the slow call: argon2).
    const editors = await Promise.all(
      [0, 1].map(async () => {
        const client = freshClient(url);
        const session = await client.trpc.auth.signUp.mutate(newMember());
        client.accessToken = session.accessToken;
        return { client, id: session.user.id };
      }),
    );
    await Promise.all([signUps(), signUps(), ...editors.map((editor, lane) => edits(editor.client, editor.id, lane))]);
  })().catch(note);
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** Waits until the load has had `count` more acknowledged sign-ups and as many more club creations. */
async function moreAcks(count: number) {
  const [users, clubs] = [acked.users.length, acked.clubs.length];
  await vi.waitFor(
    () => {
      if (acked.users.length < users + count || acked.clubs.length < clubs + count) {
        throw new Error("load not far enough yet");
      }
    },
    { timeout: 30_000, interval: 50 },
  );
}

/** Every acknowledged write is in the database; each account has its one grant and a balance equal to its ledger. */
async function expectEveryAckedWrite() {
  const sql = postgres(embeddedUrl(), { max: 1, onnotice: () => {} });
  try {
    const emails = acked.users.map((user) => user.email);
    const users = await sql<{ n: number }[]>`select count(*)::int as n from users where email = any(${emails})`;
    expect(users[0]?.n).toBe(emails.length);
    const clubs = await sql<{ n: number }[]>`select count(*)::int as n from clubs where id = any(${acked.clubs})`;
    expect(clubs[0]?.n).toBe(acked.clubs.length);
    for (const [userId, n] of acked.bio) {
      const [row] = await sql<{ bio: string }[]>`select bio from users where id = ${userId}`;
      // The acknowledged edit or a later one (sent, then cut off before its answer).
      expect(Number(row?.bio.slice(1))).toBeGreaterThanOrEqual(n);
    }
    const grants = await sql<{ user_id: string; n: number }[]>`
      select user_id, count(*)::int as n from point_ledger where kind = 'grant' group by user_id having count(*) <> 1`;
    expect(grants).toEqual([]);
    const ids = acked.users.map((user) => user.id);
    const granted = await sql<{ n: number }[]>`
      select count(*)::int as n from point_ledger where kind = 'grant' and user_id = any(${ids})`;
    expect(granted[0]?.n).toBe(ids.length);
    const mismatched = await sql`
      select b.user_id from point_balances b left join point_ledger l on l.user_id = b.user_id
      group by b.user_id, b.balance having b.balance <> coalesce(sum(l.amount), 0)`;
    expect(mismatched).toEqual([]);
    return { users: emails.length, clubs: acked.clubs.length, edits: acked.bio.size };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe("crash recovery of npm start's embedded PostgreSQL", () => {
  it("kill -9 of the server alone: its orphaned PostgreSQL is stopped by the next start, nothing lost", async () => {
    const load = startLoad(server.url);
    await moreAcks(3);
    const orphan = postmasterPid();
    expect(orphan).not.toBeNull();
    await server.kill("SIGKILL");
    await load.stop();
    expect(isAlive(orphan ?? 0), "PostgreSQL runs on without its server").toBe(true);

    server = await startBookyProcess("main", env);
    expect(server.output.join("")).toContain(`stopping the PostgreSQL (process ${orphan})`);
    expect(isAlive(orphan ?? 0)).toBe(false);
    console.log("after kill -9 of the server:", await expectEveryAckedWrite());
  }, 90_000);

  it("kill -9 of the database alone: the server restarts it and answers again, nothing lost", async () => {
    const load = startLoad(server.url);
    await moreAcks(3);
    const postmaster = postmasterPid();
    expect(postmaster).not.toBeNull();
    process.kill(postmaster ?? 0, "SIGKILL");
    await vi.waitFor(
      () => {
        if (!server.output.join("").includes("PostgreSQL is back")) throw new Error("not restarted yet");
      },
      { timeout: 60_000, interval: 100 },
    );
    await readyUrl(server);
    await moreAcks(3);
    await load.stop();
    expect(postmasterPid()).not.toBe(postmaster);
    // While it was down, calls were refused as SERVICE_UNAVAILABLE, not failed with a 500.
    expect(errors.get("INTERNAL_SERVER_ERROR") ?? 0).toBe(0);
    console.log("after kill -9 of the database:", await expectEveryAckedWrite(), Object.fromEntries(errors));
  }, 90_000);

  it("kill -9 of both at once: the next start recovers by itself, nothing lost", async () => {
    const load = startLoad(server.url);
    await moreAcks(3);
    const postmaster = postmasterPid();
    process.kill(postmaster ?? 0, "SIGKILL");
    await server.kill("SIGKILL");
    await load.stop();

    server = await startBookyProcess("main", env);
    console.log("after kill -9 of both:", await expectEveryAckedWrite());
  }, 90_000);

  it("a clean stop stops PostgreSQL too, and a start that fails prints PostgreSQL's own message", async () => {
    const postmaster = postmasterPid();
    const code = await server.kill("SIGTERM");
    expect(code, server.output.join("").slice(-3000)).toBe(0);
    expect(isAlive(postmaster ?? 0)).toBe(false);

    // A cluster PostgreSQL cannot read: the start fails saying why, in PostgreSQL's words.
    const broken = await mkdtemp(path.join(tmpdir(), "booky-broken-"));
    try {
      await mkdir(path.join(broken, "postgres"), { recursive: true });
      await writeFile(path.join(broken, "postgres", "PG_VERSION"), "9\n");
      const failing = await startBookyProcess("main", { DATA_DIR: broken }, { waitReady: false });
      expect(await failing.exited).toBe(1);
      expect(failing.output.join("")).toMatch(
        /Booky could not start its database: PostgreSQL did not start in .*:\n.*(could not|FATAL)/,
      );
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
    server = await startBookyProcess("main", env);
  }, 90_000);
});
