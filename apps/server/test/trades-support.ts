import { eq, tradeProposals } from "@booky/db";
import { vi } from "vitest";
import type { TestServer } from "./harness.js";
import { copyOf, type Reader } from "./shelves-support.js";

/** Waits until the trade's fulfilment has committed; returns the proposal row. */
export async function fulfilled(server: TestServer, tradeId: string) {
  return vi.waitFor(
    async () => {
      const [trade] = await server.db.select().from(tradeProposals).where(eq(tradeProposals.id, tradeId));
      if (!trade?.fulfilledAt) throw new Error("not fulfilled yet");
      return trade;
    },
    { timeout: 20_000, interval: 100 },
  );
}

/** `count` copies open to trade, each of its own new book, owned by `owner`. */
export async function copiesOf(server: TestServer, owner: Reader, count: number, title = "Book") {
  const made = [];
  for (let i = 0; i < count; i++) made.push(await copyOf(server, owner, { title: `${title} ${i + 1}` }));
  return made;
}
