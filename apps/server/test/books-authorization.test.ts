import { eq, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";

const server = await startTestServer();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** Every kind of caller the architecture names, around one private and one public club that read the same book. */
async function cast() {
  const owner = await signedUpClient(server);
  const clubAdmin = await signedUpClient(server);
  const member = await signedUpClient(server);
  const other = await signedUpClient(server);
  const siteAdmin = await signedUpClient(server);
  await server.db.update(users).set({ role: "admin" }).where(eq(users.id, siteAdmin.user.id));
  const book = await catalogBook(server, { title: "Shared Reading", isbn13: "9780143035008", pageCount: 838 });
  const secret = await owner.client.trpc.clubs.create.mutate({
    name: "Secret Circle",
    category: "classics",
    isOnline: true,
  });
  const open = await owner.client.trpc.clubs.create.mutate({
    name: "Open Shelf",
    category: "classics",
    isOnline: true,
  });
  for (const club of [secret, open]) {
    await clubAdmin.client.trpc.clubs.join.mutate({ clubId: club.id });
    await member.client.trpc.clubs.join.mutate({ clubId: club.id });
    await owner.client.trpc.clubs.setRole.mutate({ clubId: club.id, userId: clubAdmin.user.id, role: "admin" });
    await owner.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId: book.id,
      startsAt: inDays(9),
      place: "Hall",
    });
  }
  await owner.client.trpc.clubs.update.mutate({ clubId: secret.id, changes: { visibility: "private" } });
  const callers: [string, TestClient][] = [
    ["another user", other.client],
    ["a member", member.client],
    ["a club admin", clubAdmin.client],
    ["the owner", owner.client],
    ["a site admin", siteAdmin.client],
  ];
  return { book, callers };
}

const { book, callers } = await cast();

describe("book procedures by caller", () => {
  it("refuse anonymous callers with UNAUTHORIZED", async () => {
    const { trpc } = server.client();
    const calls = [
      () => trpc.books.search.query({ query: "shared" }),
      () => trpc.books.get.query({ bookId: book.id }),
      () => trpc.books.byIsbn.query({ isbn: "9780143035008" }),
      () => trpc.books.import.mutate({ isbn: "9780143035008" }),
      () => trpc.books.clubs.query({ bookId: book.id }),
    ];
    for (const call of calls) expect((await rejectionOf(call())).data?.code).toBe("UNAUTHORIZED");
  });

  it.each(callers)("let %s search, read and import books", async (_who, client) => {
    const { trpc } = client;
    expect((await trpc.books.search.query({ query: "shared reading" })).items.map((item) => item.bookId)).toEqual([
      book.id,
    ]);
    expect((await trpc.books.get.query({ bookId: book.id })).title).toBe("Shared Reading");
    expect((await trpc.books.byIsbn.query({ isbn: "0-14-303500-2" })).id).toBe(book.id);
    expect(await trpc.books.import.mutate({ isbn: "9780143035008" })).toMatchObject({
      created: false,
      book: { id: book.id },
    });
  });

  it.each([
    ["another user", ["Open Shelf"]],
    ["a member", ["Open Shelf", "Secret Circle"]],
    ["a club admin", ["Open Shelf", "Secret Circle"]],
    ["the owner", ["Open Shelf", "Secret Circle"]],
    ["a site admin", ["Open Shelf"]],
  ])("show %s only the clubs reading the book that they may see: %j", async (who, expected) => {
    const client = callers.find(([name]) => name === who)?.[1] as TestClient;
    const clubs = await client.trpc.books.clubs.query({ bookId: book.id });
    expect(clubs.items.map((club) => club.name)).toEqual(expected);
    expect(clubs.items.every((club) => club.meetings === 1)).toBe(true);
  });
});

describe("books.search rate limit", async () => {
  const limited = await startTestServer({
    rateLimits: {
      logInPerIp: { points: 100, duration: 60 },
      logInPerAccount: { points: 100, duration: 60 },
      signUpPerIp: { points: 100, duration: 60 },
      resetPerIp: { points: 100, duration: 60 },
      resetPerAccount: { points: 100, duration: 60 },
      bookSearchPerUser: { points: 3, duration: 60 },
      bookSearchPerIp: { points: 100, duration: 60 },
      tradeProposalsPerUser: { points: 100, duration: 60 },
      apiTokenRequests: { points: 100, duration: 60 },
    },
  });

  it("answers TOO_MANY_REQUESTS with Retry-After past the per-user limit, for that user only", async () => {
    const eager = await signedUpClient(limited);
    const calm = await signedUpClient(limited);
    for (let i = 0; i < 3; i++) await eager.client.trpc.books.search.query({ query: `query ${i}` });
    const refused = await rejectionOf(eager.client.trpc.books.search.query({ query: "one more" }));
    expect(refused.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.data?.retryAfter).toBeGreaterThan(0);
    expect((await calm.client.trpc.books.search.query({ query: "fine" })).items).toEqual([]);
  });
});
