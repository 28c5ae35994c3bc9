import { and, type Executor, eq, gt, isNull, lt, sql, streamTickets } from "@booky/db";
import { unauthorized } from "../errors.js";
import { findActiveSessionUser } from "./sessions.js";
import { hashOpaqueToken, newOpaqueToken } from "./tokens.js";

/** A ticket opens one stream within this many seconds, once. */
export const STREAM_TICKET_SECONDS = 60;

/**
 * EventSource cannot send an Authorization header, and the access token
 * lives in the page's memory only. So the page trades its bearer token for a
 * ticket (an authenticated mutation) and opens the stream with it in the
 * URL: single-use, short-lived and bound to the session, a ticket seen in a
 * log opens nothing. Each reconnect asks for a new one.
 */
export async function issueStreamTicket(db: Executor, userId: string, sessionId: string) {
  const { token, hash } = newOpaqueToken();
  await db.insert(streamTickets).values({
    tokenHash: hash,
    userId,
    sessionId,
    expiresAt: sql`now() + make_interval(secs => ${STREAM_TICKET_SECONDS})`,
  });
  await db.delete(streamTickets).where(lt(streamTickets.expiresAt, sql`now() - interval '1 hour'`));
  return { ticket: token, expiresInSeconds: STREAM_TICKET_SECONDS };
}

/** Spends a ticket (compare-and-set) and returns its live session's user; UNAUTHORIZED otherwise. */
export async function redeemStreamTicket(db: Executor, ticket: string | null) {
  const [row] = ticket
    ? await db
        .update(streamTickets)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(streamTickets.tokenHash, hashOpaqueToken(ticket)),
            isNull(streamTickets.usedAt),
            gt(streamTickets.expiresAt, sql`now()`),
          ),
        )
        .returning({ userId: streamTickets.userId, sessionId: streamTickets.sessionId })
    : [];
  const user = row ? await findActiveSessionUser(db, row.sessionId, row.userId) : null;
  if (!row || !user) throw unauthorized("This stream ticket is not valid: ask for a new one");
  return { user, sessionId: row.sessionId };
}
