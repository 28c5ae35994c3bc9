import { z } from "zod";
import { pageInput } from "../shared/pagination.js";
import { daySchema } from "../shelves/schemas.js";

/** A loan is arranged, then out once both confirm the hand-over, then returned once both confirm the return. */
export const LOAN_STATUSES = ["arranged", "out", "returned", "cancelled"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];
/** A loan that still holds its copy: at most one per copy. */
export const ACTIVE_LOAN_STATUSES = ["arranged", "out"] as const satisfies readonly LoanStatus[];

/** What each side confirms. */
export const LOAN_CONFIRMATIONS = ["handover", "return"] as const;
export type LoanConfirmation = (typeof LOAN_CONFIRMATIONS)[number];

export const LOAN_DAYS_MAX = 365;
/** Days before the due date when the borrower is reminded. */
export const LOAN_REMINDER_DAYS = 2;

/** The four marks both sides set: the lender handed over / got back, the borrower received / returned. */
export interface LoanMarks {
  handedAt: Date | null;
  receivedAt: Date | null;
  returnedAt: Date | null;
  gotBackAt: Date | null;
}

/** A loan's status from its marks: out when both confirmed the hand-over, returned when both confirmed the return. */
export function loanStatusOf(marks: LoanMarks): Exclude<LoanStatus, "cancelled"> {
  if (marks.returnedAt && marks.gotBackAt) return "returned";
  return marks.handedAt && marks.receivedAt ? "out" : "arranged";
}

/**
 * Whether `side` may confirm `what` now: the hand-over while arranged, the
 * return while out. Returns the reason it may not, or null.
 */
export function confirmationProblem(status: LoanStatus, what: LoanConfirmation): string | null {
  if (status === "cancelled" || status === "returned") return `This loan is ${status}`;
  if (what === "handover" && status !== "arranged") return "The hand-over is confirmed already";
  if (what === "return" && status !== "out") return "Confirm the hand-over first";
  return null;
}

/** The mark a side sets for a confirmation. */
export function markFor(side: "lender" | "borrower", what: LoanConfirmation): keyof LoanMarks {
  if (what === "handover") return side === "lender" ? "handedAt" : "receivedAt";
  return side === "lender" ? "gotBackAt" : "returnedAt";
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A due date from tomorrow up to a year ahead; null when fine, else the reason. */
export function dueDateProblem(dueOn: string, today: string): string | null {
  if (dueOn <= today) return "The due date must be after today";
  if (dueOn > addDays(today, LOAN_DAYS_MAX)) return `At most ${LOAN_DAYS_MAX} days ahead`;
  return null;
}

/** Which reminder a loan that is out is due for today, if any: shortly before the due date, or once overdue. */
export function reminderDue(
  loan: { dueOn: string; remindedBeforeAt: Date | null; remindedOverdueAt: Date | null },
  today: string,
): "before_due" | "overdue" | null {
  if (today > loan.dueOn) return loan.remindedOverdueAt ? null : "overdue";
  if (addDays(today, LOAN_REMINDER_DAYS) >= loan.dueOn) return loan.remindedBeforeAt ? null : "before_due";
  return null;
}

export const loanIdInput = z.object({ loanId: z.uuid("Unknown loan") });
export const lendCopyInput = z.object({
  copyId: z.uuid("Unknown copy"),
  borrowerId: z.uuid("Unknown member"),
  dueOn: daySchema,
});
export const confirmLoanInput = loanIdInput.extend({ what: z.enum(LOAN_CONFIRMATIONS) });
export const loansListInput = pageInput.extend({
  role: z.enum(["lent", "borrowed"]).default("lent"),
  active: z.boolean().default(true),
});
export const copyLoansInput = pageInput.extend({ copyId: z.uuid("Unknown copy") });
