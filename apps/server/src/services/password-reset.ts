import { and, type Database, type Executor, eq, gt, isNull, passwordResetTokens, sql } from "@booky/db";
import type { Config } from "../config.js";
import type { AppDeps } from "../context.js";
import { fieldError } from "../errors.js";
import { findLiveUserByEmail } from "./accounts.js";
import { setPassword } from "./auth.js";
import { enqueueJob } from "./jobs.js";
import { composeOnce, dropStaleUnsent } from "./mail-outbox.js";
import type { Mail, Mailer } from "./mailer.js";
import { assertAcceptablePassword, hashPassword } from "./passwords.js";
import { revokeUserSessions } from "./sessions.js";
import { hashOpaqueToken, newOpaqueToken } from "./tokens.js";

export async function createResetToken(db: Executor, userId: string, ttlMinutes: number): Promise<string> {
  const { token, hash } = newOpaqueToken();
  await db.insert(passwordResetTokens).values({
    userId,
    tokenHash: hash,
    expiresAt: sql`now() + make_interval(mins => ${ttlMinutes})`,
  });
  return token;
}

/** Spends a reset token (compare-and-set, so it works once) and returns its user. */
export async function consumeResetToken(db: Executor, token: string): Promise<string | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashOpaqueToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: passwordResetTokens.userId });
  if (!row) return null;
  // One reset is enough: links from earlier requests stop working too.
  await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, row.userId), isNull(passwordResetTokens.usedAt)));
  return row.userId;
}

export function resetPasswordMail(options: {
  to: string;
  displayName: string;
  link: string;
  ttlMinutes: number;
}): Mail {
  const { to, displayName, link, ttlMinutes } = options;
  const text = [
    `Hi ${displayName},`,
    "",
    "Someone (hopefully you) asked to reset the password of your Booky account.",
    `Open this link within ${ttlMinutes} minutes to choose a new password:`,
    "",
    link,
    "",
    "If you did not ask for this, ignore this e-mail: your password stays as it is.",
  ].join("\n");
  const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  const html = `<p>Hi ${escapeHtml(displayName)},</p>
<p>Someone (hopefully you) asked to reset the password of your Booky account.
Open this link within ${ttlMinutes} minutes to choose a new password:</p>
<p><a href="${escapeHtml(link)}">Choose a new password</a></p>
<p>If you did not ask for this, ignore this e-mail: your password stays as it is.</p>`;
  return { to, subject: "Reset your Booky password", text, html };
}

/**
 * Queues the reset mail for this e-mail (a job with retries, never sent
 * inside the request): the caller's answer is the same, at once, whether or
 * not an account has it.
 */
export async function requestPasswordReset(deps: Pick<AppDeps, "db" | "rateLimits">, ip: string, email: string) {
  await deps.rateLimits.consume("resetPerIp", ip);
  await deps.rateLimits.consume("resetPerAccount", email);
  await enqueueJob(deps.db, "send-password-reset", { email });
}

/**
 * The job: mails a fresh reset link to the account with this e-mail, if there
 * is one. The token is minted in the transaction that stores the mail in the
 * outbox under `key` (the job's id): a retry sends that mail, once, rather
 * than a second link, unless it sat unsent past the link's lifetime. Once
 * sent, the outbox keeps the envelope only, not the link.
 */
export async function sendPasswordResetMail(
  db: Database,
  mailer: Mailer,
  config: Pick<Config, "PUBLIC_URL" | "PASSWORD_RESET_TTL_MINUTES">,
  email: string,
  key: string,
) {
  const ttlMinutes = config.PASSWORD_RESET_TTL_MINUTES;
  await dropStaleUnsent(db, key, ttlMinutes);
  await composeOnce(
    db,
    mailer,
    key,
    async (tx) => {
      const user = await findLiveUserByEmail(tx, email);
      if (!user) return null;
      const token = await createResetToken(tx, user.id, ttlMinutes);
      const link = new URL("/reset-password", config.PUBLIC_URL);
      link.searchParams.set("token", token);
      const mail = resetPasswordMail({
        to: user.email,
        displayName: user.displayName,
        link: link.toString(),
        ttlMinutes,
      });
      return { mail, result: user.id };
    },
    { forgetBody: true },
  );
}

/** Whether a reset token is one issued, unused and unexpired (read only: spending it is `consumeResetToken`). */
async function isLiveResetToken(db: Executor, token: string): Promise<boolean> {
  const live = await db.$count(
    passwordResetTokens,
    and(
      eq(passwordResetTokens.tokenHash, hashOpaqueToken(token)),
      isNull(passwordResetTokens.usedAt),
      gt(passwordResetTokens.expiresAt, sql`now()`),
    ),
  );
  return live > 0;
}

const invalidResetLink = () => fieldError("token", "This reset link is invalid, expired or already used");

/**
 * Spends a reset link for a new password; every session of the account ends.
 * A link that cannot work is refused before the password is hashed: anyone may
 * call this, and argon2id is a deliberate ~50 ms of a core.
 */
export async function resetPassword(db: Database, token: string, newPassword: string) {
  assertAcceptablePassword(newPassword, "newPassword");
  if (!(await isLiveResetToken(db, token))) throw invalidResetLink();
  const passwordHash = await hashPassword(newPassword);
  const userId = await db.transaction(async (tx) => {
    const owner = await consumeResetToken(tx, token);
    if (!owner) return null;
    // A link mailed just before the account was deleted must not revive it.
    if (!(await setPassword(tx, owner, passwordHash))) return null;
    await revokeUserSessions(tx, owner, "password_reset");
    return owner;
  });
  if (!userId) throw invalidResetLink();
}
