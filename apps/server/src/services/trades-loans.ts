import { alias, and, books, copies, type Database, type Executor, eq, inArray, loans, or, sql, users } from "@booky/db";
import {
  ACTIVE_LOAN_STATUSES,
  confirmationProblem,
  dueDateProblem,
  type LoanConfirmation,
  loanStatusOf,
  markFor,
  reminderDue,
} from "@booky/domain";
import escapeHtml from "escape-html";
import { conflict, fieldError, notFound } from "../errors.js";
import { bookSummaryColumns } from "./books/summary.js";
import { enqueueJob } from "./jobs.js";
import { deliverOnce } from "./mail-outbox.js";
import type { Mailer } from "./mailer.js";
import { notifyOne } from "./notifications-events.js";
import { definePager, pageRows } from "./pagination.js";
import { copyInTrade, lockOwnCopy } from "./shelves-copies.js";
import { requireTradingPartner } from "./trades.js";

type Page = { cursor?: string | null | undefined; limit: number };

const loansPager = definePager({ list: "loans.mine", order: "desc", key: "timestamp" });
const copyLoansPager = definePager({ list: "loans.forCopy", order: "desc", key: "timestamp" });
const lender = alias(users, "lender");
const borrower = alias(users, "borrower");
const loanSort = { key: loans.createdAt, id: loans.id };
const today = () => new Date().toISOString().slice(0, 10);

const loanColumns = {
  id: loans.id,
  status: loans.status,
  dueOn: loans.dueOn,
  handedAt: loans.handedAt,
  receivedAt: loans.receivedAt,
  returnedAt: loans.returnedAt,
  gotBackAt: loans.gotBackAt,
  createdAt: loans.createdAt,
  endedAt: loans.endedAt,
  copy: { id: copies.id, condition: copies.condition },
  book: bookSummaryColumns,
  lender: { id: lender.id, username: lender.username, displayName: lender.displayName },
  borrower: { id: borrower.id, username: borrower.username, displayName: borrower.displayName },
};

const loanQuery = (db: Executor) =>
  db
    .select(loanColumns)
    .from(loans)
    .innerJoin(copies, eq(copies.id, loans.copyId))
    .innerJoin(books, eq(books.id, copies.bookId))
    .innerJoin(lender, eq(lender.id, loans.lenderId))
    .innerJoin(borrower, eq(borrower.id, loans.borrowerId));

/** Lends one of the caller's copies open to lending to a friend or club-mate until `dueOn`. */
export async function lendCopy(
  db: Database,
  lenderId: string,
  input: { copyId: string; borrowerId: string; dueOn: string },
) {
  await requireTradingPartner(db, lenderId, input.borrowerId, "borrowerId");
  const problem = dueDateProblem(input.dueOn, today());
  if (problem) throw fieldError("dueOn", problem);
  return db.transaction(async (tx) => {
    const copy = await lockOwnCopy(tx, lenderId, input.copyId);
    if (copy.availability !== "open_to_lend") throw fieldError("copyId", "Mark the copy as open to lend first");
    const inTrade = await copyInTrade(tx, input.copyId);
    if (inTrade) throw conflict(inTrade);
    const [loan] = await tx
      .insert(loans)
      .values({ copyId: input.copyId, lenderId, borrowerId: input.borrowerId, dueOn: input.dueOn })
      .returning({ id: loans.id, status: loans.status, dueOn: loans.dueOn });
    return loan;
  });
}

/** The caller's side of a loan, locked; NOT_FOUND for anyone else. */
async function lockLoan(tx: Executor, userId: string, loanId: string) {
  const [loan] = await tx
    .select()
    .from(loans)
    .where(and(eq(loans.id, loanId), or(eq(loans.lenderId, userId), eq(loans.borrowerId, userId))))
    .for("update");
  if (!loan) throw notFound("No such loan of yours");
  return { loan, side: loan.lenderId === userId ? ("lender" as const) : ("borrower" as const) };
}

/** One side confirms the hand-over or the return; the loan moves on once both have. */
export function confirmLoan(db: Database, userId: string, input: { loanId: string; what: LoanConfirmation }) {
  return db.transaction(async (tx) => {
    const { loan, side } = await lockLoan(tx, userId, input.loanId);
    const problem = confirmationProblem(loan.status, input.what);
    if (problem) throw conflict(problem);
    const marks = { ...loan, [markFor(side, input.what)]: loan[markFor(side, input.what)] ?? new Date() };
    const status = loanStatusOf(marks);
    await tx
      .update(loans)
      .set({
        handedAt: marks.handedAt,
        receivedAt: marks.receivedAt,
        returnedAt: marks.returnedAt,
        gotBackAt: marks.gotBackAt,
        status,
        endedAt: status === "returned" ? sql`now()` : null,
      })
      .where(eq(loans.id, loan.id));
    const shown = await getLoan(tx, userId, loan.id);
    if (status === "returned" && loan.status !== "returned") {
      const other = side === "lender" ? loan.borrowerId : loan.lenderId;
      await notifyOne(tx, other, "loan_returned", { actorId: userId, data: loanFacts(shown) });
    }
    return shown;
  });
}

/** Either side calls off a loan before the copy changed hands. */
export function cancelLoan(db: Database, userId: string, loanId: string) {
  return db.transaction(async (tx) => {
    const { loan } = await lockLoan(tx, userId, loanId);
    if (loan.status !== "arranged") throw conflict("Only a loan not yet handed over can be called off");
    await tx.update(loans).set({ status: "cancelled", endedAt: sql`now()` }).where(eq(loans.id, loan.id));
    return { ok: true as const };
  });
}

/** What a loan's notifications say: which loan, which book, when it is due. */
const loanFacts = (loan: Awaited<ReturnType<typeof getLoan>>) => ({
  loanId: loan.id,
  bookId: loan.book.id,
  bookTitle: loan.book.title,
  dueOn: loan.dueOn,
});

export async function getLoan(db: Executor, userId: string, loanId: string) {
  const [loan] = await loanQuery(db).where(
    and(eq(loans.id, loanId), or(eq(loans.lenderId, userId), eq(loans.borrowerId, userId))),
  );
  if (!loan) throw notFound("No such loan of yours");
  return loan;
}

/** Loans the caller made (lent) or received (borrowed), active ones or past ones, newest first. */
export async function listLoans(
  db: Executor,
  userId: string,
  input: Page & { role: "lent" | "borrowed"; active: boolean },
) {
  const condition = and(
    eq(input.role === "lent" ? loans.lenderId : loans.borrowerId, userId),
    input.active ? inArray(loans.status, [...ACTIVE_LOAN_STATUSES]) : inArray(loans.status, ["returned", "cancelled"]),
  );
  const rows = await pageRows(loanQuery(db).$dynamic(), loansPager, loanSort, input, condition);
  return loansPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/** Every loan of one of the caller's copies, newest first: the copy's history. */
export async function copyLoans(db: Executor, ownerId: string, input: Page & { copyId: string }) {
  const [copy] = await db
    .select({ id: copies.id })
    .from(copies)
    .where(and(eq(copies.id, input.copyId), eq(copies.ownerId, ownerId)));
  if (!copy) throw notFound("No such copy of yours");
  const rows = await pageRows(loanQuery(db).$dynamic(), copyLoansPager, loanSort, input, eq(loans.copyId, copy.id));
  return copyLoansPager.page(rows, input.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/**
 * The daily reminders: each loan that is out gets one mail shortly before its
 * due date and one once overdue. The reminder is stamped and its mail job
 * queued in one transaction, so a reminder is sent once however often the
 * sweep runs.
 */
export async function queueLoanReminders(db: Database, now = new Date()) {
  const day = now.toISOString().slice(0, 10);
  const out = await db
    .select({
      id: loans.id,
      lenderId: loans.lenderId,
      borrowerId: loans.borrowerId,
      dueOn: loans.dueOn,
      remindedBeforeAt: loans.remindedBeforeAt,
      remindedOverdueAt: loans.remindedOverdueAt,
    })
    .from(loans)
    .where(and(eq(loans.status, "out"), sql`${loans.dueOn} <= (${day}::date + 2)`));
  let queued = 0;
  for (const loan of out) {
    const kind = reminderDue(loan, day);
    if (!kind) continue;
    const column = kind === "overdue" ? loans.remindedOverdueAt : loans.remindedBeforeAt;
    await db.transaction(async (tx) => {
      const stamped = await tx
        .update(loans)
        .set(kind === "overdue" ? { remindedOverdueAt: sql`now()` } : { remindedBeforeAt: sql`now()` })
        .where(and(eq(loans.id, loan.id), eq(loans.status, "out"), sql`${column} is null`))
        .returning({ id: loans.id });
      if (stamped.length === 0) return;
      const shown = await getLoan(tx, loan.borrowerId, loan.id);
      const data = { ...loanFacts(shown), when: kind };
      await notifyOne(tx, loan.borrowerId, "loan_due", { actorId: loan.lenderId, data });
      if (kind === "overdue") await notifyOne(tx, loan.lenderId, "loan_due", { actorId: loan.borrowerId, data });
      await enqueueJob(tx, "send-loan-mail", { loanId: loan.id, kind }, { jobKey: `loan-mail:${loan.id}:${kind}` });
      queued += 1;
    });
  }
  return queued;
}

/** A reminder mail: the borrower before the due date; both sides once overdue. */
export async function sendLoanMail(db: Executor, mailer: Mailer, loanId: string, kind: "before_due" | "overdue") {
  const [loan] = await db
    .select({
      dueOn: loans.dueOn,
      status: loans.status,
      title: books.title,
      lender: { email: lender.email, username: lender.username },
      borrower: { email: borrower.email, username: borrower.username },
    })
    .from(loans)
    .innerJoin(copies, eq(copies.id, loans.copyId))
    .innerJoin(books, eq(books.id, copies.bookId))
    .innerJoin(lender, eq(lender.id, loans.lenderId))
    .innerJoin(borrower, eq(borrower.id, loans.borrowerId))
    .where(eq(loans.id, loanId));
  if (!loan) return { sent: 0 };
  if (loan.status !== "out") return { sent: 0 };
  const mails =
    kind === "before_due"
      ? [
          {
            to: loan.borrower.email,
            subject: `"${loan.title}" is due back on ${loan.dueOn}`,
            text: `A reminder: @${loan.lender.username} lent you "${loan.title}", due back on ${loan.dueOn}.`,
          },
        ]
      : [
          {
            to: loan.borrower.email,
            subject: `"${loan.title}" is overdue`,
            text: `"${loan.title}" was due back to @${loan.lender.username} on ${loan.dueOn}. Please return it.`,
          },
          {
            to: loan.lender.email,
            subject: `"${loan.title}" is overdue`,
            text: `@${loan.borrower.username} was due to return "${loan.title}" on ${loan.dueOn}.`,
          },
        ];
  for (const [index, mail] of mails.entries()) {
    await deliverOnce(db, mailer, `loan-mail:${loanId}:${kind}:${index}`, {
      ...mail,
      html: `<p>${escapeHtml(mail.text)}</p>`,
      messageId: `<loan-${loanId}-${kind}-${index}@booky>`,
    });
  }
  return { sent: mails.length };
}
