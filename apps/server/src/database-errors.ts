import { constraint } from "@booky/db";
import { AppError } from "./errors.js";

interface PostgresError {
  code: string;
  constraint_name?: string;
  column_name?: string;
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

/**
 * The database went away or is not back yet (a restart, a crash being
 * recovered): postgres.js's connection errors and PostgreSQL's shutdown and
 * start-up codes. Not the caller's fault, and worth a retry.
 */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, recovering)
  "08000",
  "08003",
  "08006",
]);

function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What a user reads for each constraint Booky names; unknown ones get a generic message. */
const constraintMessages: Record<string, { field?: string; message: string }> = {
  [constraint.usersEmailLower]: { field: "email", message: "An account with this e-mail already exists" },
  [constraint.usersUsernameLower]: { field: "username", message: "This username is taken" },
  [constraint.clubsMemberCountWithinLimit]: {
    field: "memberLimit",
    message: "The club already has more members than that",
  },
  [constraint.clubsPlaceGiven]: { field: "location", message: "Give a location, or mark the club as online" },
  [constraint.clubMembersPk]: { message: "Already a member of this club" },
  [constraint.friendRequestsOnePendingPair]: {
    message: "There is already a pending friend request between you two",
  },
  [constraint.clubRequestsOnePending]: { message: "There is already a pending request or invitation" },
  [constraint.betsOnePerMeeting]: { message: "You already have a bet on this meeting; cancel it to bet again" },
  [constraint.pointBalancesNonNegative]: { field: "stake", message: "You do not have that many points" },
  [constraint.ratingsHalvesRange]: { field: "rating", message: "Ratings go from half a star to five stars" },
  [constraint.ratingsReadDatesOrdered]: { field: "finishedOn", message: "Finished before it was started" },
  [constraint.shelvesNamePerMember]: { field: "name", message: "You already have a shelf with this name" },
  [constraint.bookReadsDatesOrdered]: { field: "finishedOn", message: "A read cannot finish before it started" },
  [constraint.tradeItemsCopyReserved]: { message: "One of these copies is already in another pending trade" },
  [constraint.loansOneActivePerCopy]: { field: "copyId", message: "This copy is already lent out" },
  [constraint.bookReadsOneOpen]: { message: "You are already reading this book" },
  [constraint.bookProposalsOnePerClub]: { field: "bookId", message: "This book is already proposed in this club" },
};

/**
 * The one place where database constraint violations become Booky errors:
 * unique → conflict, check / foreign key / not-null / bad value → invalid,
 * serialization failures and deadlocks → conflict (try again). Anything else is
 * not the caller's fault and stays unmapped (null).
 */
export function mapDatabaseError(error: unknown): AppError | null {
  if (isConnectionError(error)) {
    return new AppError("unavailable", "The database is restarting; try again in a moment", { cause: error });
  }
  const pg = findPostgresError(error);
  if (!pg) return null;
  const known = pg.constraint_name ? constraintMessages[pg.constraint_name] : undefined;
  const field = known?.field ?? pg.column_name;
  const details = { field: known ? field : undefined, cause: error };
  switch (pg.code) {
    case "23505":
      return new AppError("conflict", known?.message ?? "This already exists", details);
    case "23503":
      return new AppError("invalid", known?.message ?? "A referenced record does not exist", details);
    case "23514":
    case "23502":
    case "22P02":
    case "22003":
    case "22001":
      return new AppError("invalid", known?.message ?? "This value is not allowed", details);
    case "40001":
    case "40P01":
      return new AppError("conflict", "Someone else changed this at the same time; try again", { cause: error });
    default:
      return null;
  }
}
