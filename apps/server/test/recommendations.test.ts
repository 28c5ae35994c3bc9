import { bookNeighbours, eq } from "@booky/db";
import { describe, expect, it } from "vitest";
import { computeBookNeighbours } from "../src/services/recommendations.js";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();

describe("recommendations", () => {
  it("recommend the neighbours of what a member rated highly, with the reason, never what they rated", async () => {
    const [dragons, wizards, elves, murder, detective] = await Promise.all(
      ["Dragons", "Wizards", "Elves", "Murder", "Detective"].map((title) => catalogBook(server, { title })),
    );
    const ids = (books: (typeof dragons)[]) => books.map((book) => book?.id ?? "");
    const rate = async (bookIds: string[], rating = 10) => {
      const member = await signedUpClient(server);
      for (const bookId of bookIds) await member.client.trpc.reviews.rate.mutate({ bookId, rating });
      return member;
    };
    // Fantasy readers like dragons and wizards (one also elves); crime readers murder and detective.
    await rate(ids([dragons, wizards, elves]));
    await rate(ids([dragons, wizards]));
    await rate(ids([dragons, wizards]));
    await rate(ids([murder, detective]));
    await rate(ids([murder, detective]));
    // A low rating is no taste signal: it neither seeds nor links.
    await rate(ids([dragons, murder]), 2);

    const cold = await signedUpClient(server);
    const popular = await cold.client.trpc.recommendations.forMe.query({});
    expect(popular.items.every((item) => item.reason.kind === "popular")).toBe(true);

    const result = await computeBookNeighbours(server.db);
    expect(result).toMatchObject({ books: 5 });
    const ofDragons = await server.db
      .select({ neighbourId: bookNeighbours.neighbourId, rank: bookNeighbours.rank })
      .from(bookNeighbours)
      .where(eq(bookNeighbours.bookId, dragons?.id ?? ""))
      .orderBy(bookNeighbours.rank);
    expect(ofDragons.map((row) => row.neighbourId)).toEqual(ids([wizards, elves]));

    const reader = await rate(ids([dragons]));
    const mine = await reader.client.trpc.recommendations.forMe.query({ limit: 1 });
    expect(mine.items).toMatchObject([
      { book: { id: wizards?.id }, reason: { kind: "rated", book: { id: dragons?.id, title: "Dragons" }, stars: 5 } },
    ]);
    const rest = await reader.client.trpc.recommendations.forMe.query({ limit: 1, cursor: mine.nextCursor });
    expect(rest).toMatchObject({ items: [{ book: { id: elves?.id } }], nextCursor: null });
    // Nothing already rated, and nothing from the crime side.
    await reader.client.trpc.reviews.rate.mutate({ bookId: wizards?.id ?? "", rating: 9 });
    const after = await reader.client.trpc.recommendations.forMe.query({});
    expect(after.items.map((item) => item.book.id)).toEqual(ids([elves]));

    const cursor = await rejectionOf(reader.client.trpc.recommendations.forMe.query({ cursor: "bm9wZQ" }));
    expect(cursor.data?.code).toBe("BAD_REQUEST");
  });
});
