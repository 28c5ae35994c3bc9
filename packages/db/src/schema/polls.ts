import { POLL_KINDS } from "@booky/domain";
import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { books } from "./books.js";
import { clubs } from "./clubs.js";
import { createdAt, id, momentAt, reference, updatedAt } from "./columns.js";

export const pollKind = pgEnum("poll_kind", POLL_KINDS);

/** A catalog book a member proposes for the club's next read, with a pitch (Markdown, rendered when written). */
export const bookProposals = pgTable(
  "book_proposals",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    bookId: reference("book_id", () => books.id),
    proposedBy: reference("proposed_by", () => users.id),
    pitch: text("pitch").notNull(),
    pitchHtml: text("pitch_html").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("book_proposals_one_per_club_key").on(t.clubId, t.bookId),
    index("book_proposals_club_created_idx").on(t.clubId, t.createdAt, t.id),
    index("book_proposals_book_idx").on(t.bookId),
  ],
);

/**
 * A poll among proposals, ranked choice or approval, open until `closes_at`;
 * the close job stamps `closed_at` and the winning option. Ballots lock the
 * poll's row (FOR SHARE) and the close updates it, so a ballot either lands
 * before the close counts it or is refused.
 */
export const polls = pgTable(
  "polls",
  {
    id: id(),
    clubId: reference("club_id", () => clubs.id, "cascade"),
    kind: pollKind("kind").notNull(),
    createdBy: reference("created_by", () => users.id),
    closesAt: momentAt("closes_at").notNull(),
    closedAt: momentAt("closed_at"),
    hideResults: boolean("hide_results").notNull().default(false),
    winnerOptionId: uuid("winner_option_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("polls_club_created_idx").on(t.clubId, t.createdAt, t.id),
    index("polls_open_closes_idx").on(t.closesAt).where(sql`${t.closedAt} is null`),
  ],
);

/** One proposal on a poll's ballot, in the order the admin listed them (the tie-break order). */
export const pollOptions = pgTable(
  "poll_options",
  {
    id: id(),
    pollId: reference("poll_id", () => polls.id, "cascade"),
    proposalId: reference("proposal_id", () => bookProposals.id, "cascade"),
    position: integer("position").notNull(),
  },
  (t) => [
    unique("poll_options_proposal_key").on(t.pollId, t.proposalId),
    index("poll_options_proposal_idx").on(t.proposalId),
  ],
);

/** A member's one ballot per poll (the key makes two at once one), replaced until the close. */
export const pollBallots = pgTable(
  "poll_ballots",
  {
    pollId: reference("poll_id", () => polls.id, "cascade"),
    userId: reference("user_id", () => users.id, "cascade"),
    choices: uuid("choices").array().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] }), index("poll_ballots_user_idx").on(t.userId)],
);

export type Poll = typeof polls.$inferSelect;
