import { and, type Database, eq, isNull, lt, tradeProposals } from "@booky/db";
import { tradeExpiryCutoff } from "@booky/domain";
import type { FastifyBaseLogger } from "fastify";
import type { TaskList } from "graphile-worker";
import { z } from "zod";
import type { Mailer } from "../services/mailer.js";
import { enqueueFulfilment, expireTrades } from "../services/trades.js";
import { fulfilTrade, sendTradeMail } from "../services/trades-fulfilment.js";
import { queueLoanReminders, sendLoanMail } from "../services/trades-loans.js";

const tradePayload = z.object({ tradeId: z.uuid() });
const mailPayload = z.object({ tradeId: z.uuid(), userId: z.uuid() });
const loanMailPayload = z.object({ loanId: z.uuid(), kind: z.enum(["before_due", "overdue"]) });
const SWEEP_BATCH = 100;

/** The trade jobs: fulfilment, its mails, the sweep (expiry; fulfilments a dead worker left), loan reminders. */
export function createTradeTasks(db: Database, log: FastifyBaseLogger, mailer: Mailer): TaskList {
  return {
    async "fulfil-trade"(payload) {
      const { tradeId } = tradePayload.parse(payload);
      const result = await fulfilTrade(db, tradeId);
      log.info({ tradeId, ...result }, "trade fulfilment");
    },

    async "send-trade-mail"(payload) {
      const { tradeId, userId } = mailPayload.parse(payload);
      await sendTradeMail(db, mailer, tradeId, userId);
    },

    /**
     * Every minute: pending proposals older than 14 days expire (their copies
     * are released by the trigger), and accepted trades still unfulfilled a
     * minute after acceptance (their worker died) are queued again.
     */
    async "trades-sweep"() {
      const now = new Date();
      const expired = await expireTrades(db, tradeExpiryCutoff(now));
      const stuck = await db
        .select({ id: tradeProposals.id })
        .from(tradeProposals)
        .where(
          and(
            eq(tradeProposals.status, "accepted"),
            isNull(tradeProposals.fulfilledAt),
            lt(tradeProposals.decidedAt, new Date(now.getTime() - 60_000)),
          ),
        )
        .limit(SWEEP_BATCH);
      for (const trade of stuck) await enqueueFulfilment(db, trade.id);
      if (expired + stuck.length > 0) log.info({ expired, requeued: stuck.length }, "trades sweep");
    },

    /** Hourly: loans due in two days, or overdue, get their one reminder each. */
    async "loan-reminders"() {
      const queued = await queueLoanReminders(db);
      if (queued > 0) log.info({ queued }, "loan reminders");
    },

    async "send-loan-mail"(payload) {
      const { loanId, kind } = loanMailPayload.parse(payload);
      await sendLoanMail(db, mailer, loanId, kind);
    },
  };
}

export const tradeCrontab = ["* * * * * trades-sweep", "17 * * * * loan-reminders"];
