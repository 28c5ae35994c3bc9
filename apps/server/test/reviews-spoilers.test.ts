import { describe, expect, it } from "vitest";
import { summarizeBook } from "../src/services/review-summaries.js";
import { bookClub } from "./discussions-support.js";
import { signedUpClient, startTestServer } from "./harness.js";

/**
 * Reviews of a meeting's book through the spoiler guard: a review covers the
 * whole book, so attendees still reading it (on page 250 and 140 of 300) get
 * other members' reviews and the summary withheld, with their page; those who
 * finished, members not attending and the author read them.
 */
const server = await startTestServer();
const SECRET = "the lighthouse keeper was the thief";

const REVIEWS = [
  { rating: 9, body: `A rich and strange mystery. In the end ${SECRET}, which I loved.` },
  { rating: 10, body: "A rich and strange mystery with a perfect ending. The lighthouse chapters are rich." },
  { rating: 3, body: "The pacing is glacial and the middle drags on forever." },
];

async function reviewedClubBook() {
  const scene = await bookClub(server);
  const authors = [];
  for (const review of REVIEWS) {
    const author = await signedUpClient(server);
    await author.client.trpc.reviews.save.mutate({ bookId: scene.bookId, spoiler: false, ...review });
    authors.push(author);
  }
  await summarizeBook(server.db, scene.bookId, null);
  return { ...scene, authors };
}

const leaks = (value: unknown) => JSON.stringify(value).includes(SECRET);

describe("reviews and the spoiler guard", () => {
  it("a reader behind gets reviews' words withheld with their page; the rating stays; reveal shows them", async () => {
    const { bookId, behind, ahead } = await reviewedClubBook();
    for (const [reader, page] of [
      [behind, 140],
      [ahead, 250],
    ] as const) {
      const reviews = await reader.client.trpc.reviews.forBook.query({ bookId, sort: "recent" });
      expect(leaks(reviews)).toBe(false);
      expect(reviews.items).toHaveLength(3);
      for (const item of reviews.items) {
        expect(item).toMatchObject({
          title: null,
          bodyHtml: null,
          guard: { visible: false, reason: "ahead", page: 300, readerPage: page },
        });
        expect(item.rating).toBeGreaterThan(0);
      }
      const secret = reviews.items.find((item) => item.rating === 9);
      const revealed = await reader.client.trpc.reviews.reveal.query({ reviewId: secret?.id ?? "" });
      expect(revealed.bodyHtml).toContain(SECRET);
    }
  });

  it("the summary is withheld from readers behind until they reveal it", async () => {
    const { bookId, behind, finisher } = await reviewedClubBook();
    const withheld = await behind.client.trpc.reviews.summary.query({ bookId });
    expect(withheld).toMatchObject({ content: null, guard: { reason: "ahead", page: 300, readerPage: 140 } });
    expect(leaks(withheld)).toBe(false);
    const revealed = await behind.client.trpc.reviews.summary.query({ bookId, reveal: true });
    expect(revealed).toMatchObject({ guard: null, content: { kind: "extractive" } });
    expect(await finisher.client.trpc.reviews.summary.query({ bookId })).toMatchObject({ guard: null });
  });

  it("finishers, members not attending, outsiders and the author read everything", async () => {
    const { bookId, finisher, bystander, outsider, authors } = await reviewedClubBook();
    for (const reader of [finisher, bystander, outsider]) {
      const reviews = await reader.client.trpc.reviews.forBook.query({ bookId, sort: "recent" });
      expect(reviews.items.every((item) => item.guard === null && item.bodyHtml !== null)).toBe(true);
      expect(leaks(reviews)).toBe(true);
    }
    const author = authors[0];
    const theirs = await author?.client.trpc.reviews.byUser.query({ userId: author.user.id });
    expect(theirs?.items[0]).toMatchObject({ guard: null });
    expect(leaks(theirs)).toBe(true);
  });

  it("a member's profile reviews are guarded per book for the viewer", async () => {
    const { authors, behind, finisher } = await reviewedClubBook();
    const author = authors[0];
    const seenBehind = await behind.client.trpc.reviews.byUser.query({ userId: author?.user.id ?? "" });
    expect(leaks(seenBehind)).toBe(false);
    expect(seenBehind.items[0]).toMatchObject({ bodyHtml: null, guard: { readerPage: 140 } });
    const seenFinished = await finisher.client.trpc.reviews.byUser.query({ userId: author?.user.id ?? "" });
    expect(leaks(seenFinished)).toBe(true);
  });

  it("an attendee who reported nothing yet is on page 0; a closed meeting guards nobody", async () => {
    const { bookId, meetingId, host, bystander } = await reviewedClubBook();
    await bystander.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
    const fresh = await bystander.client.trpc.reviews.forBook.query({ bookId, sort: "recent" });
    expect(fresh.items[0]).toMatchObject({ guard: { reason: "ahead", readerPage: 0, page: 300 } });
    await host.client.trpc.meetings.cancel.mutate({ meetingId });
    const after = await bystander.client.trpc.reviews.forBook.query({ bookId, sort: "recent" });
    expect(after.items.every((item) => item.guard === null)).toBe(true);
  });

  it("reveal of an unknown review or a rating without words is NOT_FOUND", async () => {
    const { behind } = await reviewedClubBook();
    await expect(
      behind.client.trpc.reviews.reveal.query({ reviewId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});
