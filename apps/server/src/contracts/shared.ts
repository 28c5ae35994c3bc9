/**
 * Output contracts: what a procedure exposed beyond Booky's own web app (REST,
 * the client package) answers, declared with `.output(...)`. Each is picked
 * from the tables' row schemas (`rowSchemas` of @booky/db, made by drizzle-zod)
 * and extended where an answer adds something, so a column is typed once and
 * an answer shows only what it picks: a column added to a table shows up
 * nowhere until a contract names it.
 */
import { rowSchemas } from "@booky/db";
import { z } from "zod";

/** What anyone may see of a member: never their e-mail, role or password. */
export const publicProfile = rowSchemas.users.pick({
  id: true,
  username: true,
  displayName: true,
  bio: true,
  avatarUrl: true,
  createdAt: true,
});

/** A member as a name in a list (leaderboards, bets). */
export const memberName = rowSchemas.users.pick({ id: true, username: true, displayName: true });

export const bookSummary = rowSchemas.books.pick({
  id: true,
  title: true,
  subtitle: true,
  authors: true,
  coverUrl: true,
  pageCount: true,
  isbn13: true,
});

export const clubRole = rowSchemas.clubMembers.shape.role;

/** One page of a keyset-paginated list (`services/pagination.ts`): pass `nextCursor` back as `cursor`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
