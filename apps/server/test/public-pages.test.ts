import { books, eq } from "@booky/db";
import { describe, expect, it } from "vitest";
import { seedDemoCommunity } from "../src/demo/community.js";
import { startTestServer } from "./harness.js";

const server = await startTestServer();
await seedDemoCommunity(server.db, { publicUrl: "http://booky.test" });
const visitor = server.client().trpc;

const LIMITED_KEYS = ["access", "description", "id", "name", "slug", "visibility"];

describe("public pages for visitors", () => {
  it("the directory lists every club by name; a private one by name and description only", async () => {
    const { items } = await visitor.public.clubs.query({ limit: 50 });
    expect(items.map((club) => club.name)).toEqual(["Night Shift Sci-Fi", "Quiet Margins", "Thursday Classics Circle"]);
    const margins = items.find((club) => club.slug === "quiet-margins");
    expect(Object.keys(margins ?? {}).sort()).toEqual(LIMITED_KEYS);
    expect(items.find((club) => club.slug === "thursday-classics-circle")).toMatchObject({
      access: "full",
      memberCount: 11,
      category: "classics",
    });
    // Filtering by category never reveals a private club's category.
    const poetry = await visitor.public.clubs.query({ category: "poetry", limit: 50 });
    expect(poetry.items).toEqual([]);
  });

  it("a public club's page shows its meetings to come and its race, without links, bets or pages", async () => {
    const club = await visitor.public.club.query({ slug: "thursday-classics-circle" });
    if (club.access !== "full") throw new Error("a public club is readable");
    expect(club.upcoming.map((meeting) => meeting.book.title)).toEqual(["Brave New World", "The Odyssey"]);
    expect(club.race?.book.title).toBe("Brave New World");
    // The demo's readers at different pages, furthest first (farid said "going" and has not started).
    const readers = club.race?.readers ?? [];
    expect(readers.map((reader) => reader.user.username)).toEqual([
      "elena",
      "chiara",
      "ada",
      "dev",
      "bruno",
      "viktor",
      "farid",
    ]);
    expect(readers.map((reader) => reader.percent)).toEqual(
      [...readers.map((reader) => reader.percent)].sort((a, b) => b - a),
    );
    expect(readers.at(-1)?.percent).toBe(0);
    const text = JSON.stringify(club);
    for (const secret of ["stake", "horse", "link", "email", '"page"', "version"]) expect(text).not.toContain(secret);
    for (const reader of club.race?.readers ?? [])
      expect(Object.keys(reader.user).sort()).toEqual(["avatarUrl", "displayName", "username"]);
  });

  it("a private club's page is its name and description, whoever asks without belonging", async () => {
    const club = await visitor.public.club.query({ slug: "quiet-margins" });
    expect(Object.keys(club).sort()).toEqual(LIMITED_KEYS);
    expect(club).toMatchObject({ access: "limited", name: "Quiet Margins" });
  });

  it("a book page counts the public clubs that read it, never a private one", async () => {
    const [dorian] = await server.db.select({ id: books.id }).from(books).where(eq(books.isbn13, "9780375751516"));
    const [brave] = await server.db.select({ id: books.id }).from(books).where(eq(books.isbn13, "9780060929879"));
    expect((await visitor.public.book.query({ bookId: dorian?.id ?? "" })).publicClubs).toBe(0);
    expect(await visitor.public.book.query({ bookId: brave?.id ?? "" })).toMatchObject({
      title: "Brave New World",
      publicClubs: 1,
    });
  });

  it("pages a public club's lists on: meetings to come and the race's readers, cursor by cursor; a private club's refused", async () => {
    const club = await visitor.public.club.query({ slug: "thursday-classics-circle" });
    if (club.access !== "full" || !club.race) throw new Error("a public club with a race is readable");
    expect(club.upcomingNextCursor).toBeNull();
    // Page by page, two at a time: the same meetings and readers, in the same order, as the page's own lists.
    const meetings: string[] = [];
    const readers: string[] = [];
    for (let cursor: string | null | undefined, pages = 0; pages === 0 || cursor; pages++) {
      const page = await visitor.public.clubMeetings.query({ clubId: club.id, limit: 1, cursor });
      meetings.push(...page.items.map((meeting) => meeting.id));
      cursor = page.nextCursor;
    }
    for (let cursor: string | null | undefined, pages = 0; pages === 0 || cursor; pages++) {
      const page = await visitor.public.clubRace.query({ clubId: club.id, limit: 2, cursor });
      readers.push(...(page?.readers ?? []).map((reader) => reader.user.username));
      cursor = page?.nextCursor;
    }
    expect(meetings).toEqual(club.upcoming.map((meeting) => meeting.id));
    expect(readers).toEqual(club.race.readers.map((reader) => reader.user.username));
    const margins = await visitor.public.club.query({ slug: "quiet-margins" });
    await expect(visitor.public.clubMeetings.query({ clubId: margins.id })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });
});
