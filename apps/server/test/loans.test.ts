import { eq, loans, sql } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it, vi } from "vitest";
import { queueLoanReminders } from "../src/services/trades-loans.js";
import { rejectionOf, startTestServer } from "./harness.js";
import { copyOf, type Reader, readers, shareClub } from "./shelves-support.js";

const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { SMTP_URL: inbox.url } });
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) =>
  Object.keys((await rejectionOf(call)).data?.zodError?.fieldErrors ?? {});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function lendingPair() {
  const [ana, ben] = (await readers(server, 2)) as [Reader, Reader];
  await shareClub(ana, ben);
  const copy = await copyOf(server, ana, { title: "Lent Book", availability: "open_to_lend" });
  return { ana, ben, copy };
}

describe("lending a copy", () => {
  it("lent, handed over, returned: both confirm each step; the copy's history shows it", async () => {
    const { ana, ben, copy } = await lendingPair();
    const loan = await ana.client.trpc.loans.lend.mutate({
      copyId: copy.id,
      borrowerId: ben.user.id,
      dueOn: inDays(14),
    });
    expect(loan?.status).toBe("arranged");
    expect(await codeOf(ana.client.trpc.loans.confirm.mutate({ loanId: loan?.id ?? "", what: "return" }))).toBe(
      "CONFLICT",
    );
    await ana.client.trpc.loans.confirm.mutate({ loanId: loan?.id ?? "", what: "handover" });
    const out = await ben.client.trpc.loans.confirm.mutate({ loanId: loan?.id ?? "", what: "handover" });
    expect(out.status).toBe("out");
    expect((await ben.client.trpc.loans.mine.query({ role: "borrowed" })).items.map((row) => row.id)).toEqual([
      loan?.id,
    ]);
    // While lent, the copy cannot be removed.
    expect(await codeOf(ana.client.trpc.copies.remove.mutate({ copyId: copy.id }))).toBe("CONFLICT");
    await ben.client.trpc.loans.confirm.mutate({ loanId: loan?.id ?? "", what: "return" });
    const back = await ana.client.trpc.loans.confirm.mutate({ loanId: loan?.id ?? "", what: "return" });
    expect([back.status, back.endedAt !== null]).toEqual(["returned", true]);
    expect((await ana.client.trpc.loans.mine.query({ role: "lent", active: false })).items).toHaveLength(1);
    const history = await ana.client.trpc.loans.forCopy.query({ copyId: copy.id });
    expect(history.items.map((row) => [row.borrower.id, row.status])).toEqual([[ben.user.id, "returned"]]);
    expect(await codeOf(ben.client.trpc.loans.forCopy.query({ copyId: copy.id }))).toBe("NOT_FOUND");
    // Lent again once back.
    await ana.client.trpc.loans.lend.mutate({ copyId: copy.id, borrowerId: ben.user.id, dueOn: inDays(3) });
  });

  it("refuses copies not open to lend, past due dates, strangers, a second active loan, and others' loans", async () => {
    const { ana, ben, copy } = await lendingPair();
    const [stranger] = (await readers(server, 1)) as [Reader];
    const kept = await copyOf(server, ana, { availability: "keep" });
    const lend = (overrides: Record<string, unknown>) =>
      ana.client.trpc.loans.lend.mutate({ copyId: copy.id, borrowerId: ben.user.id, dueOn: inDays(7), ...overrides });
    expect(await fieldsOf(lend({ copyId: kept.id }))).toEqual(["copyId"]);
    expect(await fieldsOf(lend({ dueOn: inDays(0) }))).toEqual(["dueOn"]);
    expect(await fieldsOf(lend({ dueOn: "soon" }))).toEqual(["dueOn"]);
    expect(await codeOf(lend({ borrowerId: stranger.user.id }))).toBe("FORBIDDEN");
    expect(
      await codeOf(ben.client.trpc.loans.lend.mutate({ copyId: copy.id, borrowerId: ana.user.id, dueOn: inDays(7) })),
    ).toBe("NOT_FOUND");
    expect(await server.db.$count(loans, eq(loans.copyId, copy.id))).toBe(0);
    const results = await Promise.allSettled([lend({}), lend({})]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loan = (await ana.client.trpc.loans.mine.query({})).items[0];
    expect(await codeOf(stranger.client.trpc.loans.get.query({ loanId: loan?.id ?? "" }))).toBe("NOT_FOUND");
    await ben.client.trpc.loans.cancel.mutate({ loanId: loan?.id ?? "" });
    expect((await ana.client.trpc.loans.get.query({ loanId: loan?.id ?? "" })).status).toBe("cancelled");
  });

  it("reminds the borrower before the due date and both sides once overdue, each once", async () => {
    const { ana, ben, copy } = await lendingPair();
    const loan = await ana.client.trpc.loans.lend.mutate({
      copyId: copy.id,
      borrowerId: ben.user.id,
      dueOn: inDays(2),
    });
    const loanId = loan?.id ?? "";
    await ana.client.trpc.loans.confirm.mutate({ loanId, what: "handover" });
    await ben.client.trpc.loans.confirm.mutate({ loanId, what: "handover" });
    await server.db.execute(sql`select graphile_worker.add_job('loan-reminders')`);
    const soon = await inbox.waitForMailTo(ben.details.email);
    expect(soon.subject).toBe(`"Lent Book" is due back on ${inDays(2)}`);
    // Three days later it is overdue: one more mail each side, and a second sweep sends nothing more.
    expect(await queueLoanReminders(server.db, new Date(Date.now() + 3 * 86_400_000))).toBe(1);
    expect(await queueLoanReminders(server.db, new Date(Date.now() + 3 * 86_400_000))).toBe(0);
    expect((await inbox.waitForMailTo(ben.details.email, 2)).subject).toBe('"Lent Book" is overdue');
    expect((await inbox.waitForMailTo(ana.details.email)).subject).toBe('"Lent Book" is overdue');
    await vi.waitFor(
      async () => {
        const [n] =
          await server.sql`select count(*)::int as n from graphile_worker.jobs where key like ${`loan-mail:${loanId}:%`}`;
        if (n?.n !== 0) throw new Error("mail jobs still queued");
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(inbox.to(ben.details.email)).toHaveLength(2);
    expect(inbox.to(ana.details.email)).toHaveLength(1);
  });
});
