import { createHash } from "node:crypto";
import { eq, passwordResetTokens, sessions, sql, users } from "@booky/db";
import { resetLinkIn, startSmtpInbox } from "@booky/testing";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const inbox = await startSmtpInbox();
// The reset mail is a queued job: these servers run the queue.
const server = await startTestServer({ jobs: true, env: { SMTP_URL: inbox.url, PASSWORD_RESET_TTL_MINUTES: "45" } });
/** Its SMTP server is a closed port: every delivery fails. */
const offline = await startTestServer({ jobs: true, env: { SMTP_URL: "smtp://127.0.0.1:1" } });
const NEW_PASSWORD = "a fresh start passphrase";

/** Asks for a reset link for `email` and returns the token from the `nth` mail to `to`. */
async function requestResetToken(email: string, to = email, nth = 1): Promise<string> {
  await expect(server.client().trpc.auth.requestPasswordReset.mutate({ email })).resolves.toEqual({ ok: true });
  const mail = await inbox.waitForMailTo(to, nth);
  return resetLinkIn(mail).searchParams.get("token") ?? "";
}

const reset = (token: string, newPassword = NEW_PASSWORD) =>
  server.client().trpc.auth.resetPassword.mutate({ token, newPassword });

describe("auth.requestPasswordReset", () => {
  it("mails the member a link to the web app holding a one-time token, stored only as a digest", async () => {
    const { details, user } = await signedUpClient(server);
    const token = await requestResetToken(details.email);
    const mail = await inbox.waitForMailTo(details.email);
    expect(mail.subject).toBe("Reset your Booky password");
    expect(mail.from?.value[0]?.address).toBe("no-reply@booky.example");
    expect(mail.text).toContain(`Hi ${details.displayName},`);
    expect(mail.text).toContain("within 45 minutes");
    expect(mail.html).toContain("Choose a new password");

    const link = resetLinkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe("http://booky.test/reset-password");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await server.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toEqual(createHash("sha256").update(token).digest());
    const minutesLeft = ((rows[0]?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(44);
    expect(minutesLeft).toBeLessThanOrEqual(45);
  });

  it("finds the member whatever the case of the e-mail", async () => {
    const { details } = await signedUpClient(server);
    await expect(requestResetToken(details.email.toUpperCase(), details.email)).resolves.toMatch(/^\S{43}$/);
  });

  it("answers the same for an unknown e-mail, and mails and stores nothing", async () => {
    const { details } = await signedUpClient(server);
    const tokensBefore = await server.db.$count(passwordResetTokens);
    const mailsBefore = inbox.messages.length;
    await expect(
      server.client().trpc.auth.requestPasswordReset.mutate({ email: "ghost@example.com" }),
    ).resolves.toEqual({ ok: true });
    // A real request made after the ghost's is delivered: the ghost's (cheaper) background work is done by then.
    await requestResetToken(details.email);
    expect(inbox.messages.length).toBe(mailsBefore + 1);
    expect(inbox.to("ghost@example.com")).toEqual([]);
    expect(await server.db.$count(passwordResetTokens)).toBe(tokensBefore + 1);
  });
});

describe("auth.resetPassword", () => {
  it("sets the new password once: a second use of the link is refused on the token field", async () => {
    const { details } = await signedUpClient(server);
    const token = await requestResetToken(details.email);
    await expect(reset(token)).resolves.toEqual({ ok: true });

    const again = await rejectionOf(reset(token, "yet another passphrase"));
    expect(again.data?.code).toBe("BAD_REQUEST");
    expect(again.data?.zodError?.fieldErrors).toEqual({
      token: ["This reset link is invalid, expired or already used"],
    });
    await expect(
      server.client().trpc.auth.logIn.mutate({ email: details.email, password: NEW_PASSWORD }),
    ).resolves.toBeDefined();
  });

  it("signs out every device of the member, and only the new password logs in", async () => {
    const { client: laptop, details, user } = await signedUpClient(server);
    const phone = server.client();
    phone.accessToken = (await phone.trpc.auth.logIn.mutate(details)).accessToken;
    const token = await requestResetToken(details.email);
    await reset(token);

    for (const device of [laptop, phone]) {
      expect((await rejectionOf(device.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
      expect((await rejectionOf(device.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    }
    const rows = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((row) => row.revokedReason)).toEqual(["password_reset", "password_reset"]);

    expect((await rejectionOf(server.client().trpc.auth.logIn.mutate(details))).data?.code).toBe("UNAUTHORIZED");
    await expect(
      server.client().trpc.auth.logIn.mutate({ email: details.email, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("refuses an expired link on the token field and keeps the old password", async () => {
    const { details, user } = await signedUpClient(server);
    const token = await requestResetToken(details.email);
    await server.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.userId, user.id));
    const error = await rejectionOf(reset(token));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["token"]);
    await expect(server.client().trpc.auth.logIn.mutate(details)).resolves.toBeDefined();
  });

  it("refuses a well-formed token that was never issued", async () => {
    const error = await rejectionOf(reset("A".repeat(43)));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("token");
  });

  it("one reset spends every link the member was sent", async () => {
    const { details } = await signedUpClient(server);
    const older = await requestResetToken(details.email, details.email, 1);
    const newer = await requestResetToken(details.email, details.email, 2);
    expect(newer).not.toBe(older);
    await reset(newer);
    const error = await rejectionOf(reset(older, "yet another passphrase"));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("token");
  });

  it("refuses a breached new password on its field without spending the link", async () => {
    const { details } = await signedUpClient(server);
    const token = await requestResetToken(details.email);
    const error = await rejectionOf(reset(token, "password123"));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["newPassword"]);
    await expect(reset(token)).resolves.toEqual({ ok: true });
  });

  it("a link mailed before the account was deleted cannot bring it back", async () => {
    const { client, details, user } = await signedUpClient(server);
    const token = await requestResetToken(details.email);
    await client.trpc.users.deleteAccount.mutate({ password: details.password });
    const error = await rejectionOf(reset(token));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("token");
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toBeNull();
  });
});

describe("when mail cannot be delivered", () => {
  it("the request still answers ok at once, and the server keeps serving", async () => {
    const { details } = await signedUpClient(offline);
    await expect(offline.client().trpc.auth.requestPasswordReset.mutate({ email: details.email })).resolves.toEqual({
      ok: true,
    });
    expect((await fetch(`${offline.url}/readyz`)).status).toBe(200);
  });
});
