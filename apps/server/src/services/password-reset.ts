import { and, type Executor, eq, gt, isNull, passwordResetTokens, sql } from "@booky/db";
import type { Mail } from "./mailer.js";
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
