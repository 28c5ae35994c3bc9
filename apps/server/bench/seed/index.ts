import { ARGON2ID_PARAMS } from "@booky/domain";
import argon2 from "argon2";
import postgres from "postgres";
import { createScratchTables, insertStatements, type PlanSql, planSql, prepareSession } from "./generate.js";
import { deriveFromLedger, ledgerStatements, verifyLedgerInvariants } from "./ledger.js";
import { BENCH_PASSWORD, type SeedPlan } from "./plan.js";
import { createSeedProgress, type SeedProgress } from "./progress.js";
import { words } from "./words.js";

type Statement = (lo: number, hi: number) => string;

/** Runs `statement` over [0, end) in `parts` ranges, advancing the bar by the rows each inserts. */
async function batched(
  sql: postgres.Sql | postgres.TransactionSql,
  end: number,
  parts: number,
  statement: Statement,
  advance: (rows: number) => void,
  parameters: postgres.ParameterOrJSON<never>[] = [],
) {
  const size = Math.max(1, Math.ceil(end / parts));
  for (let lo = 0; lo < end; lo += size) {
    const result = await sql.unsafe(statement(lo, Math.min(end, lo + size)), parameters);
    advance(result.count);
  }
}

async function count(sql: postgres.Sql, query: string): Promise<number> {
  const [row] = await sql.unsafe<{ n: number }[]>(`select (${query})::int as n`);
  return row?.n ?? 0;
}

/** Fills an empty, migrated database with the plan's data, set-based, and checks the ledger's invariants. */
export async function seedBenchData(url: string, plan: SeedPlan, progress: SeedProgress = createSeedProgress()) {
  // One connection for the whole seed, never recycled: the scratch tables are temporary and the
  // session settings are per connection, and postgres.js otherwise retires a connection after
  // 30–60 minutes (`max_lifetime`), which the scale-10 seed outlives.
  const sql = postgres(url, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {} });
  const p = planSql(plan, new Date());
  const started = performance.now();
  try {
    await prepareSession(sql);
    await progress.step("plan (scratch tables)", 1, async (advance) => {
      await createScratchTables(sql, p);
      advance(await count(sql, "select count(*) from bench_rsvps"));
    });
    await loadTables(sql, p, progress);
    await loadLedger(sql, p, progress);
    await progress.step("friendships", plan.users * 4, (advance) =>
      batched(sql, plan.users, 20, insertStatements(p).friendships, advance),
    );
    await progress.step("rankings + analyze", 1, async (advance) => {
      await sql.unsafe("refresh materialized view user_rankings");
      await sql.unsafe("refresh materialized view user_ranking_counts");
      await sql.unsafe("refresh materialized view club_rankings");
      await sql.unsafe("refresh materialized view club_member_rankings");
      await sql.unsafe("vacuum analyze");
      advance(0);
    });
    return { seconds: (performance.now() - started) / 1000, steps: progress.summary };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function loadTables(sql: postgres.Sql, p: PlanSql, progress: SeedProgress) {
  const { plan } = p;
  const insert = insertStatements(p);
  const meetings = plan.clubs * plan.meetingsPerClub + plan.arenaMeetings;
  // One password for everyone: hashing 100k passwords would take hours and measure nothing.
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, ...ARGON2ID_PARAMS });

  await progress.step("users", plan.users, (advance) =>
    batched(sql, plan.users, 20, insert.users, advance, [passwordHash]),
  );
  const memberships = await count(sql, "select sum(k) from bench_clubs");
  // Clubs and their members in one transaction: the owner's membership is a deferred foreign key.
  await progress.step("clubs + members", plan.clubs + memberships, (advance) =>
    sql.begin(async (tx) => {
      await batched(tx, plan.clubs, 4, insert.clubs, advance);
      await batched(tx, plan.clubs, 40, insert.members, advance);
    }),
  );
  await progress.step("books", words.bookTitleCount, async (advance) => {
    await sql.unsafe(insert.books);
    advance(words.bookTitleCount);
  });
  await progress.step("meetings", meetings, (advance) => batched(sql, meetings, 20, insert.meetings, advance));
  // Progress before the answers: each answer's trigger then reads its standing once, instead of
  // each progress row's trigger rewriting an answer already there.
  await progress.step("reading progress", await count(sql, "select count(*) from bench_progress"), (advance) =>
    batched(sql, meetings, 40, insert.progress, advance),
  );
  await progress.step("rsvps", await count(sql, "select count(*) from bench_rsvps"), (advance) =>
    batched(sql, meetings, 40, insert.rsvps, advance),
  );
  await progress.step("progress history", await count(sql, "select sum(h) from bench_progress"), (advance) =>
    batched(sql, meetings, 40, insert.history, advance),
  );
  await progress.step("bets", await count(sql, "select count(*) from bench_bets"), (advance) =>
    batched(sql, meetings, 20, insert.bets, advance),
  );
  await progress.step(
    "settlements",
    await count(sql, "select count(*) from bench_meetings where status in ('closed', 'cancelled')"),
    (advance) => batched(sql, meetings, 20, insert.settlements, advance),
  );
}

/**
 * The ledger trigger adds each entry to a balance and a score, row by row;
 * for a million entries that dominates the seed. Inside this one transaction
 * the trigger (and the guard that only lets it write balances) is off, the
 * balances and scores are computed from the whole ledger in one statement
 * each, and the invariants are checked before commit.
 */
async function loadLedger(sql: postgres.Sql, p: PlanSql, progress: SeedProgress) {
  const { plan } = p;
  const ledger = ledgerStatements(p);
  const meetings = plan.clubs * plan.meetingsPerClub + plan.arenaMeetings;
  const expected =
    plan.users +
    (await count(
      sql,
      `select count(*) + count(*) filter (where status = 'won' and payout > 0) + count(*) filter (where status = 'refunded') from bench_bets`,
    )) +
    (await count(
      sql,
      `select count(*) from bench_progress p join bench_meetings m using (m) where m.status = 'closed' and p.finished_at <= m.deadline`,
    )) +
    (await count(sql, "select count(*) from bench_rsvps where attended"));
  await progress.step("points ledger", expected, (advance) =>
    sql.begin(async (tx) => {
      await tx.unsafe("alter table point_ledger disable trigger point_ledger_apply");
      await tx.unsafe("alter table point_balances disable trigger point_balances_guard");
      await batched(tx, plan.users, 10, ledger.grants, advance);
      await batched(tx, meetings, 20, ledger.bets, advance);
      await batched(tx, meetings, 20, ledger.finishRewards, advance);
      await batched(tx, meetings, 20, ledger.attendanceRewards, advance);
      await deriveFromLedger(tx);
      await verifyLedgerInvariants(tx);
      await tx.unsafe("alter table point_balances enable trigger point_balances_guard");
      await tx.unsafe("alter table point_ledger enable trigger point_ledger_apply");
    }),
  );
}
