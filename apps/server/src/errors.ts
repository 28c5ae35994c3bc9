import { TRPCError } from "@trpc/server";

/**
 * A cause that carries validation issues like a zod error does, so the error
 * formatter reports every field problem the same way, wherever it came from.
 */
export class FieldIssues extends Error {
  readonly issues: { path: string[]; message: string }[];
  constructor(field: string, message: string) {
    super(message);
    this.name = "FieldIssues";
    this.issues = [{ path: [field], message }];
  }
}

/** A BAD_REQUEST that names its field, so a form shows the message next to it. */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new FieldIssues(field, message) });
}

interface PostgresError {
  code: string;
  constraint_name?: string;
  column_name?: string;
  detail?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof (error as { code: unknown }).code === "string" &&
    /^[0-9A-Z]{5}$/.test((error as { code: string }).code)
  );
}

/** Finds a PostgreSQL error in a cause chain (Drizzle wraps the driver's error). */
function findPostgresError(error: unknown): PostgresError | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (isPostgresError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Constraint names map to what a user reads; unknown ones get a generic message. */
const constraintMessages: Record<string, { field?: string; message: string }> = {
  users_email_lower_key: { field: "email", message: "An account with this e-mail already exists" },
  users_username_lower_key: { field: "username", message: "This username is taken" },
  clubs_member_count_within_limit: { field: "memberLimit", message: "The club already has more members than that" },
  clubs_place_given: { field: "location", message: "Give a location, or mark the club as online" },
  club_members_club_id_user_id_pk: { message: "Already a member of this club" },
  friend_requests_one_pending_pair_key: { message: "There is already a pending friend request between you two" },
  club_requests_one_pending_key: { message: "There is already a pending request or invitation" },
  bets_one_per_meeting_idx: { message: "You already have a bet on this meeting; cancel it to bet again" },
  point_balances_non_negative: { field: "stake", message: "You do not have that many points" },
};

/**
 * The one place where database constraint violations become typed errors:
 * unique → CONFLICT, check / foreign key / not-null / bad value → BAD_REQUEST.
 */
export function mapDatabaseError(error: unknown): TRPCError | null {
  const pg = findPostgresError(error);
  if (!pg) return null;
  const known = pg.constraint_name ? constraintMessages[pg.constraint_name] : undefined;
  const field = known?.field ?? pg.column_name;
  const cause = field && known ? new FieldIssues(field, known.message) : error;
  switch (pg.code) {
    case "23505":
      return new TRPCError({ code: "CONFLICT", message: known?.message ?? "This already exists", cause });
    case "23503":
      return new TRPCError({
        code: "BAD_REQUEST",
        message: known?.message ?? "A referenced record does not exist",
        cause,
      });
    case "23514":
    case "23502":
    case "22P02":
    case "22003":
    case "22001":
      return new TRPCError({ code: "BAD_REQUEST", message: known?.message ?? "This value is not allowed", cause });
    case "40001":
    case "40P01":
      return new TRPCError({
        code: "CONFLICT",
        message: "Someone else changed this at the same time; try again",
        cause,
      });
    default:
      return null;
  }
}

/** A compare-and-set lost: carries what is current now, so the client can redo its change on top. */
export class StaleState extends Error {
  constructor(readonly current: unknown) {
    super("stale version");
    this.name = "StaleState";
  }
}

export function staleError(message: string, current: unknown): TRPCError {
  return new TRPCError({ code: "CONFLICT", message, cause: new StaleState(current) });
}
