import { and, type Database, type Executor, eq, lt, type SQL, sql } from "@booky/db";
import { type DecidingParty, type Decision, decidingParty } from "@booky/domain";
import { notFound } from "../errors.js";

type Table = Parameters<Database["update"]>[0];
type Column = Table["_"]["columns"][string];
type Fields = NonNullable<Parameters<ReturnType<ReturnType<Database["update"]>["set"]>["returning"]>[0]>;
type Returned<R> = { [K in keyof R]: R[K] extends { _: { data: infer D } } ? D : never };

/** What a party can decide by itself: the recipient accepts or declines, the sender cancels (expiry is the clock's). */
export type PartyDecision = Exclude<Decision, "expired">;

/**
 * One kind of pending decision (a club join request, a club invitation, a
 * friend request, a trade proposal) over its table: which rows are of this
 * kind, and the condition that proves an actor is its sender or its recipient.
 */
export interface PendingKind<Actor, R extends Fields> {
  table: Table;
  /** The table's `status` and `decidedAt` properties are set by those names; these are read in conditions. */
  columns: { id: Column; status: Column; createdAt: Column };
  /** Rows of this kind when the table holds several (e.g. `kind = 'request'`). */
  only?: SQL;
  parties: Record<Exclude<DecidingParty, "clock">, (actor: Actor) => SQL>;
  /** Extra columns a party's decision records about who took it (e.g. `decidedBy`). */
  stamp?: (actor: Actor) => Record<string, unknown>;
  /** What a decision returns about the row. */
  returning: R;
}

/**
 * The one pending-decision mechanism: pending → accepted / declined /
 * cancelled (by the deciding party, per `decidingParty`) or expired (by the
 * clock). Every decision is one compare-and-set on `status = 'pending'` in a
 * single UPDATE … RETURNING, so of two racing decisions exactly one wins.
 */
export function definePending<Actor, R extends Fields>(kind: PendingKind<Actor, R>) {
  const { table, columns } = kind;
  type Input = { id: string; decision: PartyDecision; actor: Actor; missing: string };

  /**
   * Decides row `id` as `actor`, once. NOT_FOUND with `missing` when there is
   * no such pending row of this kind for which `actor` is the deciding party.
   */
  async function decide(db: Executor, input: Input): Promise<Returned<R>> {
    const party = decidingParty(input.decision) as Exclude<DecidingParty, "clock">;
    const set = { status: input.decision, decidedAt: sql`now()`, ...kind.stamp?.(input.actor) };
    const [decided] = await db
      .update(table)
      .set(set as never)
      .where(and(eq(columns.id, input.id), kind.only, eq(columns.status, "pending"), kind.parties[party](input.actor)))
      .returning(kind.returning);
    if (!decided) throw notFound(input.missing);
    return decided as Returned<R>;
  }

  /** Expires what is overdue and answers the rows expired (their `returning` fields), to tell their parties. */
  async function expire(db: Executor, olderThan: Date): Promise<Returned<R>[]> {
    const expired = await db
      .update(table)
      .set({ status: "expired", decidedAt: sql`now()` } as never)
      .where(and(kind.only, eq(columns.status, "pending"), lt(columns.createdAt, olderThan)))
      .returning(kind.returning);
    return expired as Returned<R>[];
  }

  return {
    decide,

    /** `decide` for callers that need nothing back about the row. */
    async settle(db: Executor, input: Input) {
      await decide(db, input);
      return { ok: true as const };
    },

    /** The clock's decision: every row of this kind still pending and created before `olderThan` expires. */
    expire,

    /** `expire`, counted. */
    async expirePending(db: Executor, olderThan: Date): Promise<number> {
      return (await expire(db, olderThan)).length;
    },
  };
}
