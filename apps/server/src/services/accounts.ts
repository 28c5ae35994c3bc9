import { and, type Executor, eq, isNull, passwordResetTokens, type SQLWrapper, sessions, sql, users } from "@booky/db";
import { notFound } from "../errors.js";

/** What the owner of an account sees about it. */
export const accountColumns = {
  id: users.id,
  email: users.email,
  username: users.username,
  displayName: users.displayName,
  bio: users.bio,
  avatarUrl: users.avatarUrl,
  role: users.role,
  createdAt: users.createdAt,
};

type ProfileColumn = "id" | "username" | "displayName" | "bio" | "avatarUrl" | "createdAt";

/** What anyone may see of a member, as the columns of `users` or of an alias of it. */
export function publicProfileOf<T extends Record<ProfileColumn, SQLWrapper>>(table: T): Pick<T, ProfileColumn> {
  return {
    id: table.id,
    username: table.username,
    displayName: table.displayName,
    bio: table.bio,
    avatarUrl: table.avatarUrl,
    createdAt: table.createdAt,
  };
}

export const publicProfileColumns = publicProfileOf(users);

export async function findLiveUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select({ ...accountColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.deletedAt)));
  return user ?? null;
}

/** A live member's public profile by username (stored and compared in lower case). */
export async function findMemberByUsername(db: Executor, username: string) {
  const [member] = await db
    .select(publicProfileColumns)
    .from(users)
    .where(and(sql`lower(${users.username}) = lower(${username})`, isNull(users.deletedAt)));
  return member ?? null;
}

export async function findPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  return row?.passwordHash ?? null;
}

/**
 * Deletes an account by erasing everything personal while keeping the row, so
 * what other domains recorded (posts, bets, trades) points at "Deleted member"
 * instead of dangling. Sessions and reset tokens go entirely.
 */
export async function anonymizeUser(db: Executor, userId: string): Promise<void> {
  const tag = userId.replaceAll("-", "");
  await db
    .update(users)
    .set({
      email: `deleted-${tag}@deleted.invalid`,
      username: `deleted_${tag}`,
      displayName: "Deleted member",
      bio: "",
      avatarUrl: null,
      passwordHash: null,
      role: "user",
      deletedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
}

/** A live member's public profile; NOT_FOUND when nobody is called that. */
export async function getMemberProfile(db: Executor, username: string) {
  const profile = await findMemberByUsername(db, username);
  if (!profile) throw notFound(`No member is called @${username}`);
  return profile;
}

export async function updateProfile(db: Executor, userId: string, changes: Partial<typeof users.$inferInsert>) {
  const [user] = await db.update(users).set(changes).where(eq(users.id, userId)).returning(accountColumns);
  if (!user) throw notFound("This account no longer exists");
  return user;
}
