import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { expectAggregateExact, reviewState } from "./reviews-support.js";

const server = await startTestServer();
const failure = async (call: Promise<unknown>) => {
  const error = await rejectionOf(call);
  return { code: error.data?.code, fields: Object.keys(error.data?.zodError?.fieldErrors ?? {}) };
};

describe("ratings and reviews", () => {
  it("rates, reviews, edits and deletes; the aggregate follows every change", async () => {
    const book = await catalogBook(server);
    const ana = await signedUpClient(server);
    const ben = await signedUpClient(server);
    const trpc = ana.client.trpc.reviews;

    expect(await trpc.aggregate.query({ bookId: book.id })).toMatchObject({ count: 0, mean: null });
    await trpc.rate.mutate({ bookId: book.id, rating: 7 });
    await ben.client.trpc.reviews.rate.mutate({ bookId: book.id, rating: 10 });
    let aggregate = await trpc.aggregate.query({ bookId: book.id });
    expect(aggregate.count).toBe(2);
    expect(aggregate.mean).toBe(4.25);
    expect(aggregate.histogram.filter((bucket) => bucket.count > 0)).toEqual([
      { rating: 7, count: 1 },
      { rating: 10, count: 1 },
    ]);

    const saved = await trpc.save.mutate({
      bookId: book.id,
      rating: 8,
      title: "Worth it",
      body: "A **slow** start, then *wonderful*.",
      spoiler: false,
      startedOn: "2026-01-02",
      finishedOn: "2026-01-20",
    });
    expect(saved).toMatchObject({ rating: 8, title: "Worth it", startedOn: "2026-01-02", finishedOn: "2026-01-20" });
    expect(saved?.bodyHtml).toBe("<p>A <strong>slow</strong> start, then <em>wonderful</em>.</p>\n");
    // Re-rating keeps the review; the aggregate moves the one rating from 8 to 4.
    await trpc.rate.mutate({ bookId: book.id, rating: 4 });
    expect(await trpc.mine.query({ bookId: book.id })).toMatchObject({ rating: 4, title: "Worth it" });
    aggregate = await trpc.aggregate.query({ bookId: book.id });
    expect(aggregate).toMatchObject({ count: 2, mean: 3.5 });
    await expectAggregateExact(server, book.id);

    // Saving without a body leaves a rating without a review.
    await trpc.save.mutate({ bookId: book.id, rating: 5, body: "", spoiler: false });
    expect((await trpc.forBook.query({ bookId: book.id })).items).toEqual([]);

    await trpc.remove.mutate({ bookId: book.id });
    expect(await trpc.mine.query({ bookId: book.id })).toBeNull();
    expect(await trpc.aggregate.query({ bookId: book.id })).toMatchObject({ count: 1, mean: 5 });
    await expectAggregateExact(server, book.id);
  });

  it("refuses bad input with a typed error naming the field, and changes nothing", async () => {
    const book = await catalogBook(server);
    const ana = await signedUpClient(server);
    await ana.client.trpc.reviews.save.mutate({ bookId: book.id, rating: 6, body: "Fine.", spoiler: false });
    const before = await reviewState(server, book.id);
    const trpc = ana.client.trpc.reviews;
    const bookId = book.id;
    for (const rating of [0, 11, 2.5, -1]) {
      expect(await failure(trpc.rate.mutate({ bookId, rating }))).toEqual({ code: "BAD_REQUEST", fields: ["rating"] });
    }
    expect(await failure(trpc.save.mutate({ bookId, rating: 6, body: "x".repeat(10_001), spoiler: false }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["body"],
    });
    expect(
      await failure(
        trpc.save.mutate({ bookId, rating: 6, startedOn: "2026-02-01", finishedOn: "2026-01-01", spoiler: false }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["finishedOn"] });
    expect(await failure(trpc.save.mutate({ bookId, rating: 6, startedOn: "yesterday", spoiler: false }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["startedOn"],
    });
    expect(await failure(trpc.rate.mutate({ bookId: "not-a-uuid", rating: 6 }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["bookId"],
    });
    const unknown = crypto.randomUUID();
    expect((await failure(trpc.rate.mutate({ bookId: unknown, rating: 6 }))).code).toBe("NOT_FOUND");
    expect((await failure(trpc.aggregate.query({ bookId: unknown }))).code).toBe("NOT_FOUND");
    expect((await failure(trpc.summary.query({ bookId: unknown }))).code).toBe("NOT_FOUND");
    expect((await failure(trpc.vote.mutate({ reviewId: unknown, helpful: true }))).code).toBe("NOT_FOUND");
    const other = await signedUpClient(server);
    expect((await failure(other.client.trpc.reviews.remove.mutate({ bookId }))).code).toBe("NOT_FOUND");
    expect(await failure(trpc.forBook.query({ bookId, cursor: "bm9wZQ" }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["cursor"],
    });
    expect(await reviewState(server, book.id)).toEqual(before);
  });

  it("renders review bodies as safe Markdown: no scripts, handlers or javascript: links; links nofollow ugc", async () => {
    const book = await catalogBook(server);
    const ana = await signedUpClient(server);
    const body = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(2)">',
      "[click](javascript:alert(3)) and [site](https://example.com/a)",
      '<a href="https://evil.example" onclick="alert(4)">raw</a>',
      "![pic](https://example.com/p.png)",
    ].join("\n\n");
    const saved = await ana.client.trpc.reviews.save.mutate({ bookId: book.id, rating: 6, body, spoiler: false });
    const html = saved?.bodyHtml ?? "";
    // Raw HTML stays visible text (escaped); no element carries a handler or a script URL.
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
    expect(html).toContain('<a href="https://example.com/a" rel="nofollow ugc noopener" target="_blank">site</a>');
    expect(html).toContain("&lt;script&gt;");
  });

  it("helpful votes: one per member and review, never on one's own, most helpful first", async () => {
    const book = await catalogBook(server);
    const [ana, ben, cat] = [await signedUpClient(server), await signedUpClient(server), await signedUpClient(server)];
    const first = await ana.client.trpc.reviews.save.mutate({
      bookId: book.id,
      rating: 8,
      body: "Ana's take.",
      spoiler: false,
    });
    const second = await ben.client.trpc.reviews.save.mutate({
      bookId: book.id,
      rating: 3,
      body: "Ben's take.",
      spoiler: true,
    });
    const reviewId = second?.id ?? "";

    const before = await reviewState(server, book.id);
    expect((await failure(ben.client.trpc.reviews.vote.mutate({ reviewId, helpful: true }))).code).toBe("FORBIDDEN");
    expect(await reviewState(server, book.id)).toEqual(before);

    // Racing double clicks count once.
    await Promise.all([1, 2, 3].map(() => cat.client.trpc.reviews.vote.mutate({ reviewId, helpful: true })));
    await ana.client.trpc.reviews.vote.mutate({ reviewId, helpful: true });
    let page = await cat.client.trpc.reviews.forBook.query({ bookId: book.id, sort: "helpful" });
    expect(page.items.map((item) => [item.id, item.helpfulCount, item.votedByMe, item.spoiler])).toEqual([
      [reviewId, 2, true, true],
      [first?.id, 0, false, false],
    ]);
    await cat.client.trpc.reviews.vote.mutate({ reviewId, helpful: false });
    await cat.client.trpc.reviews.vote.mutate({ reviewId, helpful: false });
    page = await cat.client.trpc.reviews.forBook.query({ bookId: book.id, sort: "helpful" });
    expect(page.items[0]).toMatchObject({ id: reviewId, helpfulCount: 1, votedByMe: false });

    const recent = await cat.client.trpc.reviews.forBook.query({ bookId: book.id, sort: "recent", limit: 1 });
    expect(recent.items.map((item) => item.id)).toEqual([reviewId]);
    const rest = await cat.client.trpc.reviews.forBook.query({
      bookId: book.id,
      sort: "recent",
      limit: 1,
      cursor: recent.nextCursor,
    });
    expect(rest).toMatchObject({ items: [{ id: first?.id }], nextCursor: null });
    // A cursor of one order is refused by the other.
    expect(
      await failure(
        cat.client.trpc.reviews.forBook.query({ bookId: book.id, sort: "helpful", cursor: recent.nextCursor }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["cursor"] });
  });

  it("a member's reviews page on their profile, newest first, with their books", async () => {
    const ana = await signedUpClient(server);
    const books = [await catalogBook(server), await catalogBook(server), await catalogBook(server)];
    for (const book of books)
      await ana.client.trpc.reviews.save.mutate({
        bookId: book.id,
        rating: 9,
        body: `On ${book.title}.`,
        spoiler: false,
      });
    await ana.client.trpc.reviews.rate.mutate({ bookId: (await catalogBook(server)).id, rating: 2 });
    const reader = await signedUpClient(server);
    const first = await reader.client.trpc.reviews.byUser.query({ userId: ana.user.id, limit: 2 });
    const second = await reader.client.trpc.reviews.byUser.query({
      userId: ana.user.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((item) => item.book.title)).toEqual(
      books.map((b) => b.title).reverse(),
    );
    expect(second.nextCursor).toBeNull();
  });

  it("keeps the aggregate exact while many members rate, re-rate and delete at once", async () => {
    const book = await catalogBook(server);
    const members = await Promise.all(Array.from({ length: 12 }, () => signedUpClient(server)));
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    // Each member runs a script of 6 moves; all scripts run concurrently (same member's moves in order).
    const outcomes = await Promise.allSettled(
      members.map(async (member) => {
        for (let move = 0; move < 6; move++) {
          const roll = next() % 10;
          const trpc = member.client.trpc.reviews;
          if (roll < 2) await trpc.remove.mutate({ bookId: book.id }).catch(() => null);
          else if (roll < 4)
            await trpc.save.mutate({
              bookId: book.id,
              rating: (next() % 10) + 1,
              body: "Some words here.",
              spoiler: false,
            });
          else await trpc.rate.mutate({ bookId: book.id, rating: (next() % 10) + 1 });
        }
      }),
    );
    // Plus the same member racing themself: two first ratings at once.
    const twin = await signedUpClient(server);
    await Promise.all([3, 9].map((rating) => twin.client.trpc.reviews.rate.mutate({ bookId: book.id, rating })));
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    const recount = await expectAggregateExact(server, book.id);
    const shown = await twin.client.trpc.reviews.aggregate.query({ bookId: book.id });
    expect(shown.count).toBe(recount.count);
    expect(shown.histogram.map((bucket) => bucket.count)).toEqual(recount.histogram);
  });
});
