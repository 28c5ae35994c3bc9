import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confirmationProblem, dueDateProblem, LOAN_STATUSES, loanStatusOf, markFor, reminderDue } from "./lending.js";

const at = new Date();
const none = { handedAt: null, receivedAt: null, returnedAt: null, gotBackAt: null };

describe("loans", () => {
  it("is out once both confirm the hand-over, returned once both confirm the return", () => {
    expect(loanStatusOf(none)).toBe("arranged");
    expect(loanStatusOf({ ...none, handedAt: at })).toBe("arranged");
    expect(loanStatusOf({ ...none, handedAt: at, receivedAt: at })).toBe("out");
    expect(loanStatusOf({ handedAt: at, receivedAt: at, returnedAt: at, gotBackAt: null })).toBe("out");
    expect(loanStatusOf({ handedAt: at, receivedAt: at, returnedAt: at, gotBackAt: at })).toBe("returned");
  });

  it("each side sets its own mark", () => {
    expect([markFor("lender", "handover"), markFor("borrower", "handover")]).toEqual(["handedAt", "receivedAt"]);
    expect([markFor("lender", "return"), markFor("borrower", "return")]).toEqual(["gotBackAt", "returnedAt"]);
  });

  it("hand-over while arranged, return while out, nothing once it is over", () => {
    expect(confirmationProblem("arranged", "handover")).toBeNull();
    expect(confirmationProblem("arranged", "return")).toMatch(/hand-over first/);
    expect(confirmationProblem("out", "return")).toBeNull();
    expect(confirmationProblem("out", "handover")).toMatch(/already/);
    fc.assert(
      fc.property(
        fc.constantFrom(...LOAN_STATUSES),
        fc.constantFrom("handover" as const, "return" as const),
        (status, what) => {
          if (status === "returned" || status === "cancelled") expect(confirmationProblem(status, what)).not.toBeNull();
        },
      ),
    );
  });

  it("a due date is after today and within a year", () => {
    expect(dueDateProblem("2026-03-10", "2026-03-10")).toMatch(/after today/);
    expect(dueDateProblem("2026-03-11", "2026-03-10")).toBeNull();
    expect(dueDateProblem("2027-03-10", "2026-03-10")).toBeNull();
    expect(dueDateProblem("2027-03-11", "2026-03-10")).toMatch(/365/);
  });

  it("reminds once two days before the due date and once when overdue", () => {
    const loan = { dueOn: "2026-03-10", remindedBeforeAt: null, remindedOverdueAt: null };
    expect(reminderDue(loan, "2026-03-07")).toBeNull();
    expect(reminderDue(loan, "2026-03-08")).toBe("before_due");
    expect(reminderDue({ ...loan, remindedBeforeAt: at }, "2026-03-09")).toBeNull();
    expect(reminderDue(loan, "2026-03-11")).toBe("overdue");
    expect(reminderDue({ ...loan, remindedOverdueAt: at }, "2026-03-20")).toBeNull();
  });
});
