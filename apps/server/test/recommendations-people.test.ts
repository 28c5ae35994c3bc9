import { describe, expect, it } from "vitest";
import { computeBookNeighbours } from "../src/services/recommendations.js";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";
import { befriend, type Reader, readers } from "./shelves-support.js";

const server = await startTestServer();

const rate = async (reader: Reader, ratings: [string, number][]) => {
  for (const [bookId, rating] of ratings) await reader.client.trpc.reviews.rate.mutate({ bookId, rating });
};
const shareShelves = (reader: Reader, visibility: "public" | "friends" | "private") =>
  reader.client.trpc.shelves.setStatusVisibility.mutate({ visibility });

/** A club of `owner`'s with one meeting of each of `bookIds`. */
async function clubReading(owner: Reader, name: string, bookIds: string[]) {
  const club = await owner.client.trpc.clubs.create.mutate({ name, category: "fiction", isOnline: true });
  for (const bookId of bookIds) {
    await owner.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      link: "https://meet.example.com/next",
    });
  }
  return club;
}

/**
 * A hand-checkable community. Me: Dune 5, Hyperion 5, Solaris 3.5. Twin: the same. Close: Dune 5, Hyperion 4.5,
 * Emma 5. Pal (a friend): Dune 5, Hyperion 5. Stranger: like twin, but shows shelves to friends only. Hermit (a
 * friend): Dune and Hyperion 5, private shelves. Grump: Dune and Hyperion 2 (no liking).
 */
async function community() {
  const book = async (title: string) => (await catalogBook(server, { title })).id;
  const ids = {
    dune: await book("Dune"),
    hyperion: await book("Hyperion"),
    solaris: await book("Solaris"),
    emma: await book("Emma"),
    murder: await book("Murder"),
  };
  const [me, twin, close, pal, stranger, hermit, grump] = (await readers(server, 7)) as [
    Reader,
    Reader,
    Reader,
    Reader,
    Reader,
    Reader,
    Reader,
  ];
  const mine: [string, number][] = [
    [ids.dune, 10],
    [ids.hyperion, 10],
    [ids.solaris, 7],
  ];
  await rate(me, mine);
  await rate(twin, mine);
  await rate(stranger, mine);
  await rate(close, [
    [ids.dune, 10],
    [ids.hyperion, 9],
    [ids.emma, 10],
  ]);
  for (const reader of [pal, hermit])
    await rate(reader, [
      [ids.dune, 10],
      [ids.hyperion, 10],
    ]);
  await rate(grump, [
    [ids.dune, 4],
    [ids.hyperion, 4],
  ]);
  for (const reader of [twin, close, grump]) await shareShelves(reader, "public");
  await shareShelves(hermit, "private");
  await befriend(server, me, pal);
  await befriend(server, me, hermit);
  return { ids, me, twin, close, pal, stranger, hermit, grump };
}

describe("readers like you", () => {
  it("ranks by taste among readers whose shelves the member may see, pages, and shows the friend requests", async () => {
    const { me, twin, close, pal } = await community();
    const first = await me.client.trpc.recommendations.readersLikeMe.query({ limit: 2 });
    // twin 1; pal 2 / (1.5 · √2) = 0.943; close (1 + 5/6) / (1.5 · √(1 + 25/36 + 1)) = 0.7446.
    expect(first.items).toMatchObject([
      { member: { id: twin.user.id }, similarity: 100, sharedCount: 3, friend: false, requestPending: false },
      { member: { id: pal.user.id }, similarity: 94, sharedCount: 2, friend: true },
    ]);
    const shared = first.items[0]?.sharedBooks.map((book) => book.title) ?? [];
    // The two 5-star books first (between equals, by id), then Solaris (3.5 stars on both sides).
    expect([...shared.slice(0, 2)].sort()).toEqual(["Dune", "Hyperion"]);
    expect(shared[2]).toBe("Solaris");
    const rest = await me.client.trpc.recommendations.readersLikeMe.query({ limit: 2, cursor: first.nextCursor });
    expect(rest).toMatchObject({ items: [{ member: { id: close.user.id }, similarity: 74 }], nextCursor: null });

    // "Add friend": the request shows on the next answer, for both sides.
    await me.client.trpc.friends.request.mutate({ username: close.details.username });
    const after = await me.client.trpc.recommendations.readersLikeMe.query({});
    expect(after.items.find((item) => item.member.id === close.user.id)).toMatchObject({ requestPending: true });
    const theirs = await close.client.trpc.recommendations.readersLikeMe.query({});
    expect(theirs.items.map((item) => item.member.id)).not.toContain(me.user.id); // my shelves are friends-only
  });

  it("never shows friends-only shelves to others, private ones to anyone, or a member to themself", async () => {
    const { me, twin, stranger, hermit, grump } = await community();
    const shown = (await me.client.trpc.recommendations.readersLikeMe.query({})).items.map((item) => item.member.id);
    expect(shown).not.toContain(stranger.user.id);
    expect(shown).not.toContain(hermit.user.id);
    expect(shown).not.toContain(grump.user.id);
    expect(shown).not.toContain(me.user.id);
    // The twin sees me once I share my shelves.
    const before = await twin.client.trpc.recommendations.readersLikeMe.query({});
    expect(before.items.map((item) => item.member.id)).not.toContain(me.user.id);
    await shareShelves(me, "public");
    const now = await twin.client.trpc.recommendations.readersLikeMe.query({});
    expect(now.items.map((item) => item.member.id)).toContain(me.user.id);
    // Nothing liked yet: nobody is alike.
    const newcomer = await signedUpClient(server);
    expect(await newcomer.client.trpc.recommendations.readersLikeMe.query({})).toEqual({ items: [], nextCursor: null });
    const bad = await rejectionOf(newcomer.client.trpc.recommendations.readersLikeMe.query({ cursor: "bm9wZQ" }));
    expect(bad.data?.code).toBe("BAD_REQUEST");
  });
});

describe("clubs for you", () => {
  it("ranks joinable public clubs by the books they read and the friends in them, each with its reason", async () => {
    const { ids, me, twin, close, pal, stranger } = await community();
    await computeBookNeighbours(server.db);
    const sf = await clubReading(twin, "Dune readers", [ids.dune]);
    const austen = await clubReading(close, "Emma readers", [ids.emma]);
    const pals = await clubReading(pal, "Pal's crime club", [ids.murder]);
    const hidden = await clubReading(stranger, "Secret Dune club", [ids.dune]);
    await stranger.client.trpc.clubs.update.mutate({ clubId: hidden.id, changes: { visibility: "private" } });
    const own = await clubReading(me, "My Dune club", [ids.dune]);

    const picks = await me.client.trpc.recommendations.clubsForMe.query({});
    const ours = picks.items.filter((item) => [sf.id, austen.id, pals.id, hidden.id, own.id].includes(item.club.id));
    // Dune is mine (1); one friend 0.5; Emma is Dune's and Hyperion's neighbour through one shared reader (close),
    // so its cosines are shrunk by 1 / (1 + 20): (1/√6 + (5/6)/√(5 + 25/36)) / 21 = 0.036.
    expect(ours).toMatchObject([
      {
        club: { id: sf.id, name: "Dune readers" },
        reason: { kind: "book", book: { id: ids.dune }, taste: { kind: "rated", book: { id: ids.dune }, stars: 5 } },
      },
      { club: { id: pals.id }, reason: { kind: "friends", count: 1 } },
      {
        club: { id: austen.id },
        reason: { kind: "book", book: { id: ids.emma }, taste: { kind: "rated", book: { id: ids.dune }, stars: 5 } },
      },
    ]);

    await me.client.trpc.clubs.join.mutate({ clubId: austen.id });
    const joined = await me.client.trpc.recommendations.clubsForMe.query({});
    expect(joined.items.map((item) => item.club.id)).not.toContain(austen.id);

    const page = await me.client.trpc.recommendations.clubsForMe.query({ limit: 1 });
    expect(page.items).toHaveLength(1);
    const next = await me.client.trpc.recommendations.clubsForMe.query({ limit: 1, cursor: page.nextCursor });
    expect(next.items[0]?.position).toBe(1);
  });

  it("before any taste or friend, the biggest clubs one could join", async () => {
    const newcomer = await signedUpClient(server);
    const cold = await newcomer.client.trpc.recommendations.clubsForMe.query({ limit: 20 });
    expect(cold.items.length).toBeGreaterThan(0);
    expect(cold.items.every((item) => item.reason.kind === "popular")).toBe(true);
    const sizes = cold.items.map((item) => item.club.memberCount);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });
});
