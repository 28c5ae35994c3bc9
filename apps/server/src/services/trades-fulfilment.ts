import { and, books, copies, type Executor, eq, sql, tradeItems, tradeProposals, users } from "@booky/db";
import escapeHtml from "escape-html";
import { enqueueJob } from "./jobs.js";
import { deliverOnce } from "./mail-outbox.js";
import type { Mailer } from "./mailer.js";

export type FulfilmentResult =
  | { status: "fulfilled"; moved: number }
  | { status: "already-fulfilled" }
  | { status: "not-accepted"; tradeStatus: string }
  | { status: "unfulfillable"; reason: string }
  | { status: "missing" };

/** What both sides can see later of a fulfilled trade, whatever happens to the copies afterwards. */
interface SnapshotItem {
  copyId: string;
  side: string;
  from: string;
  to: string;
  title: string;
  authors: string[];
  isbn13: string | null;
  condition: string;
  notes: string;
}

/**
 * Moves every copy of an accepted trade to its new owner, exactly once and
 * all or nothing: one transaction that first locks the proposal row (a second
 * fulfiller waits, then finds `fulfilled_at` set), moves the copies with one
 * UPDATE that only matches copies still owned by their giver (any miss rolls
 * the whole move back), stores the snapshot, releases the reservations and
 * queues one mail per side (jobs added in the same transaction: they exist
 * only if the move commits). A crash halfway commits nothing.
 */
export async function fulfilTrade(db: Executor, tradeId: string): Promise<FulfilmentResult> {
  return db
    .transaction(async (tx) => {
      const [trade] = await tx.select().from(tradeProposals).where(eq(tradeProposals.id, tradeId)).for("update");
      if (!trade) return { status: "missing" as const };
      if (trade.status !== "accepted") return { status: "not-accepted" as const, tradeStatus: trade.status };
      if (trade.fulfilledAt) return { status: "already-fulfilled" as const };

      const items = await tx
        .select({
          copyId: tradeItems.copyId,
          side: tradeItems.side,
          giverId: tradeItems.giverId,
          receiverId: tradeItems.receiverId,
          from: sql<string>`(select username from ${users} where id = ${tradeItems.giverId})`,
          to: sql<string>`(select username from ${users} where id = ${tradeItems.receiverId})`,
          title: books.title,
          authors: books.authors,
          isbn13: books.isbn13,
          condition: copies.condition,
          notes: copies.notes,
        })
        .from(tradeItems)
        .leftJoin(copies, eq(copies.id, tradeItems.copyId))
        .leftJoin(books, eq(books.id, copies.bookId))
        .where(eq(tradeItems.proposalId, tradeId));
      const moves = items.flatMap((item) =>
        item.copyId ? [{ id: item.copyId, giver: item.giverId, receiver: item.receiverId }] : [],
      );
      const moved = await tx.execute<{ id: string }>(sql`
      update ${copies} set owner_id = v.receiver, availability = 'keep', updated_at = now()
      from json_to_recordset(${JSON.stringify(moves)}::json) as v(id uuid, giver uuid, receiver uuid)
      where ${copies.id} = v.id and ${copies.ownerId} = v.giver
      returning ${copies.id}`);
      if (moved.length !== items.length) {
        // A copy vanished (its owner's account was deleted): nothing moves; the trade stays accepted, unfulfilled.
        throw new TradeUnfulfillable(`${items.length - moved.length} of ${items.length} copies are gone`);
      }
      const snapshot: SnapshotItem[] = items.map((item) => ({
        copyId: item.copyId ?? "",
        side: item.side,
        from: item.from,
        to: item.to,
        title: item.title ?? "",
        authors: item.authors ?? [],
        isbn13: item.isbn13,
        condition: item.condition ?? "good",
        notes: item.notes ?? "",
      }));
      await tx
        .update(tradeProposals)
        .set({ fulfilledAt: sql`now()`, snapshot })
        .where(and(eq(tradeProposals.id, tradeId), eq(tradeProposals.status, "accepted")));
      await tx.update(tradeItems).set({ reserved: false }).where(eq(tradeItems.proposalId, tradeId));
      for (const userId of [trade.fromUserId, trade.toUserId]) {
        await enqueueJob(tx, "send-trade-mail", { tradeId, userId }, { jobKey: `trade-mail:${tradeId}:${userId}` });
      }
      return { status: "fulfilled" as const, moved: moved.length };
    })
    .catch((error: unknown) => {
      if (error instanceof TradeUnfulfillable) return { status: "unfulfillable" as const, reason: error.message };
      throw error;
    });
}

class TradeUnfulfillable extends Error {}

/**
 * The mail telling one side that their trade is done: what they gave and got,
 * through the outbox (`deliverOnce`), so a job retried after its worker died
 * mid-send mails that side once.
 */
export async function sendTradeMail(db: Executor, mailer: Mailer, tradeId: string, userId: string) {
  const [trade] = await db
    .select({ snapshot: tradeProposals.snapshot, fulfilledAt: tradeProposals.fulfilledAt })
    .from(tradeProposals)
    .where(eq(tradeProposals.id, tradeId));
  const [member] = await db
    .select({ email: users.email, username: users.username, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!trade?.fulfilledAt || !member || member.deletedAt) return { sent: false };
  const items = (trade.snapshot ?? []) as SnapshotItem[];
  const line = (item: SnapshotItem) => `- ${item.title} (${item.condition.replaceAll("_", " ")})`;
  const gave = items.filter((item) => item.from === member.username);
  const got = items.filter((item) => item.to === member.username);
  const other = gave[0]?.to ?? got[0]?.from ?? "the other member";
  const text = [
    `Your trade with @${other} is done.`,
    "",
    `You give:\n${gave.map(line).join("\n") || "- nothing (a gift to you)"}`,
    "",
    `You get:\n${got.map(line).join("\n") || "- nothing (your gift)"}`,
    "",
    "Mark your copies as sent and received in Booky as the books change hands.",
  ].join("\n");
  const delivery = await deliverOnce(db, mailer, `trade-mail:${tradeId}:${userId}`, {
    to: member.email,
    subject: `Trade with @${other} done`,
    text,
    html: `<pre>${escapeHtml(text)}</pre>`,
    messageId: `<trade-${tradeId}-${userId}@booky>`,
  });
  return { sent: delivery === "sent" };
}
