import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "./kinds.js";
import { notificationSentence, spoilerNotice } from "./sentences.js";

const facts = {
  actor: { displayName: "Ann" },
  club: { name: "Night Owls" },
  meeting: { bookTitle: "Dune" },
  threadTitle: "Chapter 3",
  data: {},
};

describe("notification sentences", () => {
  it("say every kind in words, naming who and where", () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(notificationSentence({ ...facts, kind }).length, kind).toBeGreaterThan(10);
    }
    expect(notificationSentence({ ...facts, kind: "reply" })).toBe("Ann replied in “Chapter 3”");
    expect(notificationSentence({ ...facts, kind: "join_decision", data: { decision: "declined" } })).toBe(
      "Your request to join Night Owls was declined",
    );
  });

  it("say a bet's outcome with its amount", () => {
    const bet = (data: Record<string, string | number>) =>
      notificationSentence({ ...facts, kind: "bet_settled", data });
    expect(bet({ outcome: "won", amount: 150, stake: 100 })).toBe("Your bet on Dune won 150 points");
    expect(bet({ outcome: "lost", amount: 0, stake: 50 })).toBe("Your bet of 50 points on Dune lost");
    expect(bet({ outcome: "refunded", amount: 20, stake: 20 })).toBe("Your bet on Dune was refunded: 20 points");
  });

  it("say a trade's terms and a loan's book and date", () => {
    const trade = { ...facts, kind: "trade_proposed" as const, data: { offered: 2, requested: 1 } };
    expect(notificationSentence(trade)).toBe("Ann proposes a trade: 2 books for 1 book");
    expect(notificationSentence({ ...trade, data: { offered: 1, requested: 0 } })).toBe(
      "Ann proposes a trade: 1 book as a gift",
    );
    const loan = { ...facts, kind: "loan_due" as const, data: { bookTitle: "Dune", dueOn: "2026-05-01" } };
    expect(notificationSentence(loan)).toBe("“Dune” is due back on 2026-05-01");
    expect(notificationSentence({ ...loan, data: { ...loan.data, when: "overdue" } })).toBe(
      "“Dune” was due back on 2026-05-01",
    );
    expect(notificationSentence({ ...facts, kind: "meeting_reminder" })).toBe(
      "Tomorrow: the meeting about Dune in Night Owls",
    );
  });

  it("do not repeat a collapsed thread title", () => {
    expect(notificationSentence({ ...facts, threadTitle: null, kind: "mention" })).toBe(
      "Ann mentioned you in a thread",
    );
  });

  it("say where a collapsed text is and where the reader is", () => {
    expect(spoilerNotice({ reason: "ahead", page: 212, readerPage: 140 })).toBe("About page 212 — you are on page 140");
    expect(spoilerNotice({ reason: "not_reading", page: 212 })).toContain("not reading");
  });
});
