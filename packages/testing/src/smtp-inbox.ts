import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, vi } from "vitest";

/**
 * A real SMTP server on a random loopback port that keeps every message it
 * receives, parsed. Closed after the file's tests.
 */
export async function startSmtpInbox() {
  const messages: ParsedMail[] = [];
  // While held, a message's data is read but not answered: the client's SMTP transaction is open, the message
  // not accepted. A connection that closes then (its sender was killed) delivers nothing, as with any real server.
  let gate: { opened: Promise<void>; open: () => void } | null = null;
  const holding = new Map<string, () => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (gate) {
            const closed = new Promise<void>((resolve) => holding.set(session.id, resolve));
            const dropped = await Promise.race([gate.opened.then(() => false), closed.then(() => true)]);
            holding.delete(session.id);
            if (dropped) throw new Error("the connection closed before the message was accepted");
          }
          messages.push(mail);
        })
        .then(() => callback(), callback);
    },
    onClose(session) {
      holding.get(session.id)?.();
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  /** Every message addressed to `address`, oldest first. */
  const to = (address: string) =>
    messages.filter((mail) =>
      [mail.to ?? []].flat().some((field) => field.value.some((entry) => entry.address === address)),
    );

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    /** From now on, every message waits after its data for `release()` before it is accepted. */
    hold() {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { opened, open };
    },
    /** Messages read and waiting for `release()` (their senders' SMTP transactions open). */
    held: () => holding.size,
    /** Accepts the held messages and every later one at once. */
    release() {
      gate?.open();
      gate = null;
    },
    /** Waits (at most 5 s) until `count` messages for `address` have arrived; returns the newest. */
    async waitForMailTo(address: string, count = 1): Promise<ParsedMail> {
      return vi.waitFor(
        () => {
          const received = to(address);
          const mail = received[count - 1];
          if (!mail) throw new Error(`${received.length} of ${count} mails to ${address} so far`);
          return mail;
        },
        { timeout: 5_000, interval: 20 },
      );
    },
  };
}

/** The reset link in a password-reset mail's text part. */
export function resetLinkIn(mail: ParsedMail): URL {
  const link = mail.text?.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error("the mail holds no link");
  return new URL(link);
}
