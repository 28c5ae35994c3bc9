import { eq, passwordResetTokens, sessions, sql } from "@booky/db";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

/** A real SMTP server on loopback that keeps every message it receives. */
const inbox: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => inbox.push(mail))
      .then(() => callback(), callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = (smtp.server.address() as { port: number }).port;
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });

function mailTo(address: string) {
  return inbox.find((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === address);
}

async function requestResetLink(email: string): Promise<string> {
  await server.client().trpc.auth.requestPasswordReset.mutate({ email });
  const mail = await vi.waitFor(
    () => {
      const found = mailTo(email);
      if (!found) throw new Error("no mail yet");
      return found;
    },
    { timeout: 5_000, interval: 50 },
  );
  const link = mail.text?.match(/https?:\/\/\S+reset-password\?token=\S+/)?.[0];
  if (!link) throw new Error("the mail holds no reset link");
  return new URL(link).searchParams.get("token") ?? "";
}

describe("password reset by e-mail", () => {
  it("mails a single-use link that sets a new password and signs out every device", async () => {
    const { client, details, user } = await signedUpClient(server);
    const token = await requestResetLink(details.email);
    const mail = mailTo(details.email);
    expect(mail?.subject).toBe("Reset your Booky password");
    expect(mail?.html).toContain("Choose a new password");

    await expect(
      server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "a fresh start passphrase" }),
    ).resolves.toEqual({ ok: true });

    const again = await rejectionOf(
      server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "yet another passphrase" }),
    );
    expect(again.data?.code).toBe("BAD_REQUEST");
    expect(again.data?.zodError?.fieldErrors).toHaveProperty("token");

    expect((await rejectionOf(client.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    const open = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(open.every((row) => row.revokedReason === "password_reset")).toBe(true);
    await expect(
      server.client().trpc.auth.logIn.mutate({ email: details.email, password: "a fresh start passphrase" }),
    ).resolves.toBeDefined();
  });

  it("answers the same for an unknown e-mail and sends nothing", async () => {
    const before = inbox.length;
    await expect(
      server.client().trpc.auth.requestPasswordReset.mutate({ email: "ghost@example.com" }),
    ).resolves.toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inbox.length).toBe(before);
    expect(mailTo("ghost@example.com")).toBeUndefined();
  });

  it("refuses an expired link", async () => {
    const { details, user } = await signedUpClient(server);
    const token = await requestResetLink(details.email);
    await server.db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(passwordResetTokens.userId, user.id));
    const error = await rejectionOf(
      server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "too late passphrase" }),
    );
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("token");
  });

  it("refuses a breached new password before spending the link", async () => {
    const { details } = await signedUpClient(server);
    const token = await requestResetLink(details.email);
    const error = await rejectionOf(
      server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "password123" }),
    );
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("newPassword");
    await expect(
      server.client().trpc.auth.resetPassword.mutate({ token, newPassword: "a sound passphrase" }),
    ).resolves.toEqual({ ok: true });
  });

  it("names bad input fields", async () => {
    const request = await rejectionOf(server.client().trpc.auth.requestPasswordReset.mutate({ email: "nope" }));
    expect(request.data?.zodError?.fieldErrors).toHaveProperty("email");
    const reset = await rejectionOf(server.client().trpc.auth.resetPassword.mutate({ token: "x", newPassword: "1" }));
    expect(Object.keys(reset.data?.zodError?.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["token", "newPassword"]),
    );
  });
});
