import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A fixed Message-ID, for mail that may be retried: the same message is then recognisably the same. */
  messageId?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send: (mail: Mail) => Promise<void>;
  close: () => void;
}

/**
 * SMTP when `smtpUrl` is set; otherwise every message becomes an .eml file in
 * `mailDir` and its path is logged, so a developer can open it.
 */
export function createMailer(options: {
  smtpUrl: string | undefined;
  from: string;
  mailDir: string;
  log: FastifyBaseLogger;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      send: async (mail) => {
        const info = await transport.sendMail({ from: options.from, ...mail });
        options.log.info({ messageId: info.messageId, subject: mail.subject }, "mail sent");
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(options.mailDir, { recursive: true });
      const file = path.join(
        options.mailDir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "")}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      options.log.info({ file, subject: mail.subject }, "mail written to file (SMTP_URL not set)");
    },
    close: () => transport.close(),
  };
}
