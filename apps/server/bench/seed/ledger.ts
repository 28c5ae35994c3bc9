import type postgres from "postgres";
import type { PlanSql } from "./generate.js";
import { rnd, settledAt } from "./generate.js";

/**
 * The points ledger, entry by entry as the server writes them (same kinds,
 * keys, amounts and score deltas), batched by user or meeting number.
 */
export function ledgerStatements(p: PlanSql) {
  const { t0 } = p;
  const insert = `insert into point_ledger (user_id, kind, amount, score_delta, key, meeting_id, bet_id, created_at)`;
  return {
    grants: (lo: number, hi: number) => `${insert}
      select ${p.user("n")}, 'grant', 1000, 0, 'grant:' || ${p.user("n")}, null, null,
        ${t0} - interval '3 years' * ${rnd("user", "n")}
      from generate_series(${lo}, ${hi - 1}) n`,

    bets: (lo: number, hi: number) => `${insert}
      select ${p.user("b.u")}, e.kind::ledger_kind, e.amount, e.score_delta, e.kind_key || ':' || b.id, bm.id, b.id, e.at
      from bench_bets b join bench_meetings bm using (m)
      cross join lateral (values
          ('stake', -b.stake, 0, 'stake', b.placed_at),
          ('payout', b.payout, greatest(0, b.payout - b.stake), 'payout', ${settledAt("bm")}),
          ('refund', b.payout, 0, 'refund', ${settledAt("bm")}))
        as e(kind, amount, score_delta, kind_key, at)
      where b.m >= ${lo} and b.m < ${hi}
        and (e.kind = 'stake' or (e.kind = 'payout' and b.status = 'won' and b.payout > 0)
          or (e.kind = 'refund' and b.status = 'refunded'))`,

    finishRewards: (lo: number, hi: number) => `${insert}
      select ${p.user("pr.u")}, 'finish_reward', 50, 50, 'finish:' || bm.id || ':' || ${p.user("pr.u")}, bm.id, null,
        ${settledAt("bm")}
      from bench_progress pr join bench_meetings bm using (m)
      where bm.status = 'closed' and pr.finished_at <= bm.deadline and pr.m >= ${lo} and pr.m < ${hi}`,

    attendanceRewards: (lo: number, hi: number) => `${insert}
      select ${p.user("r.u")}, 'attendance_reward', 20, 20, 'attend:' || bm.id || ':' || ${p.user("r.u")}, bm.id, null,
        bm.starts_at + interval '3 hours'
      from bench_rsvps r join bench_meetings bm using (m)
      where r.attended and r.m >= ${lo} and r.m < ${hi}`,
  };
}

/**
 * What the ledger trigger would have written, computed once from the whole
 * ledger: balances, user scores per period, club scores (points from the
 * ledger, finishers and attendees from settlements, as settlement adds them).
 */
export async function deriveFromLedger(tx: postgres.TransactionSql) {
  const month = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM')`;
  await tx.unsafe(`insert into point_balances (user_id, balance, updated_at)
    select user_id, sum(amount), max(created_at) from point_ledger group by user_id`);
  await tx.unsafe(`insert into user_scores (period, user_id, score)
    select period, user_id, sum(score_delta) from point_ledger
    cross join lateral (values ('all'), (${month("created_at")})) as p(period)
    where score_delta > 0 group by period, user_id`);
  await tx.unsafe(`insert into club_scores (period, club_id, points, finishers, attendees)
    select period, club_id, sum(points), sum(finishers), sum(attendees) from (
      select p.period, m.club_id, l.score_delta as points, 0 as finishers, 0 as attendees
      from point_ledger l join meetings m on m.id = l.meeting_id
      cross join lateral (values ('all'), (${month("l.created_at")})) as p(period)
      where l.score_delta > 0
      union all
      select p.period, m.club_id, 0, s.finishers, s.attendees
      from meeting_settlements s join meetings m on m.id = s.meeting_id
      cross join lateral (values ('all'), (${month("s.settled_at")})) as p(period)
      where m.status = 'closed' and s.attendees > 0) entries
    group by period, club_id`);
}

/** The invariants the trigger keeps, checked after the bulk load; throws (rolling back) when any is broken. */
export async function verifyLedgerInvariants(tx: postgres.TransactionSql) {
  const [balances] = await tx.unsafe<{ wrong: number }[]>(`select count(*)::int as wrong
    from (select user_id, sum(amount) as total from point_ledger group by user_id) l
    full join point_balances b using (user_id) where b.balance is distinct from l.total`);
  const [scores] = await tx.unsafe<{ wrong: number }[]>(`select count(*)::int as wrong
    from (select user_id, sum(score_delta) as total from point_ledger where score_delta > 0 group by user_id) l
    full join (select user_id, score from user_scores where period = 'all') s using (user_id)
    where s.score is distinct from l.total`);
  const [negative] = await tx.unsafe<{ count: number }[]>(
    `select count(*)::int as count from point_balances where balance < 0`,
  );
  if (balances?.wrong || scores?.wrong || negative?.count) {
    throw new Error(
      `ledger invariants broken: ${balances?.wrong} balances and ${scores?.wrong} scores differ from the ledger, ${negative?.count} negative`,
    );
  }
}
