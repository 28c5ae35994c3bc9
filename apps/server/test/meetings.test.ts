import { meetings } from "@booky/db";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;

async function clubWithMeeting(visibility: "public" | "private" = "public") {
  const owner = await signedUpClient(server);
  const member = await signedUpClient(server);
  const outsider = await signedUpClient(server);
  const club = await owner.client.trpc.clubs.create.mutate({ name: "Night Owls", category: "fiction", isOnline: true });
  await member.client.trpc.clubs.join.mutate({ clubId: club.id });
  if (visibility === "private") {
    await owner.client.trpc.clubs.update.mutate({ clubId: club.id, changes: { visibility } });
  }
  const book = await catalogBook(server, {
    title: "The Remains of the Day",
    authors: ["Kazuo Ishiguro"],
    pageCount: 258,
    coverUrl: "https://books.google.com/books/content?id=remains",
  });
  const meeting = await owner.client.trpc.meetings.create.mutate({
    clubId: club.id,
    bookId: book.id,
    startsAt: inDays(14),
    link: "https://meet.example.com/owls",
  });
  return { club, meeting, owner, member, outsider, book };
}

describe("meetings.create", () => {
  it("schedules a meeting about a catalog book whose pages and reading deadline default to the book's and its start", async () => {
    const { meeting, owner, book } = await clubWithMeeting();
    expect(meeting).toMatchObject({
      status: "scheduled",
      bookId: book.id,
      bookPageCount: 258,
      createdBy: owner.user.id,
    });
    expect(meeting.book).toMatchObject({
      title: "The Remains of the Day",
      authors: ["Kazuo Ishiguro"],
      coverUrl: "https://books.google.com/books/content?id=remains",
    });
    expect(meeting.readingDeadline.getTime()).toBe(meeting.startsAt.getTime());
    const seen = await owner.client.trpc.meetings.get.query({ meetingId: meeting.id });
    expect(seen.book).toEqual(meeting.book);
  });

  it("takes the edition's page count when given, and requires one when the catalog has none", async () => {
    const { club, owner } = await clubWithMeeting();
    const unknownPages = await catalogBook(server, { title: "Pages unknown", pageCount: null });
    const input = { clubId: club.id, bookId: unknownPages.id, startsAt: inDays(5), place: "Library" };
    const before = await server.db.$count(meetings);
    const missing = await rejectionOf(owner.client.trpc.meetings.create.mutate(input));
    expect(missing.data?.code).toBe("BAD_REQUEST");
    expect(missing.data?.zodError?.fieldErrors).toHaveProperty("bookPageCount");
    expect(await server.db.$count(meetings)).toBe(before);
    const given = await owner.client.trpc.meetings.create.mutate({ ...input, bookPageCount: 412 });
    expect(given).toMatchObject({ bookPageCount: 412, book: { pageCount: null } });
  });

  it("refuses a book that is not in the catalog, and schedules nothing", async () => {
    const { club, owner } = await clubWithMeeting();
    const before = await server.db.$count(meetings);
    const unknown = await rejectionOf(
      owner.client.trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: "00000000-0000-4000-8000-000000000000",
        startsAt: inDays(3),
        place: "Cafe",
      }),
    );
    expect(unknown.data?.zodError?.fieldErrors).toHaveProperty("bookId");
    expect(await server.db.$count(meetings)).toBe(before);
  });

  it("refuses bad input by field and schedules nothing", async () => {
    const { club, owner } = await clubWithMeeting();
    const before = await server.db.$count(meetings);
    const book = await catalogBook(server);
    const past = await rejectionOf(
      owner.client.trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: book.id,
        bookPageCount: 10,
        startsAt: inDays(-1),
        place: "Library",
      }),
    );
    expect(past.data?.zodError?.fieldErrors).toHaveProperty("startsAt");
    const bad = await rejectionOf(
      owner.client.trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: "not-a-book",
        bookPageCount: 0,
        startsAt: inDays(3),
        readingDeadline: inDays(4),
      }),
    );
    expect(Object.keys(bad.data?.zodError?.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["bookId", "bookPageCount"]),
    );
    expect(await server.db.$count(meetings)).toBe(before);
  });

  it("is for club admins only", async () => {
    const { club, member, outsider, book } = await clubWithMeeting();
    const input = { clubId: club.id, bookId: book.id, bookPageCount: 9, startsAt: inDays(2), place: "Cafe" };
    expect(await codeOf(member.client.trpc.meetings.create.mutate(input))).toBe("FORBIDDEN");
    expect(await codeOf(outsider.client.trpc.meetings.create.mutate(input))).toBe("FORBIDDEN");
    expect(await codeOf(server.client().trpc.meetings.create.mutate(input))).toBe("UNAUTHORIZED");
  });
});

describe("the meeting's life", () => {
  it("goes scheduled → active → closed, and refuses illegal moves with CONFLICT", async () => {
    const { meeting, owner, book } = await clubWithMeeting();
    const meetingId = meeting.id;
    expect(await codeOf(owner.client.trpc.meetings.close.mutate({ meetingId }))).toBe("CONFLICT");
    expect((await owner.client.trpc.meetings.start.mutate({ meetingId })).status).toBe("active");
    expect(await codeOf(owner.client.trpc.meetings.update.mutate({ meetingId, changes: { bookId: book.id } }))).toBe(
      "CONFLICT",
    );
    expect((await owner.client.trpc.meetings.close.mutate({ meetingId })).status).toBe("closed");
    expect(await codeOf(owner.client.trpc.meetings.cancel.mutate({ meetingId }))).toBe("CONFLICT");
    expect(await codeOf(owner.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" }))).toBe("CONFLICT");
  });

  it("of a close and a cancel racing, exactly one wins", async () => {
    const { meeting, owner } = await clubWithMeeting();
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    const results = await Promise.allSettled([
      owner.client.trpc.meetings.close.mutate({ meetingId: meeting.id }),
      owner.client.trpc.meetings.cancel.mutate({ meetingId: meeting.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("only club admins move it along", async () => {
    const { meeting, member } = await clubWithMeeting();
    expect(await codeOf(member.client.trpc.meetings.start.mutate({ meetingId: meeting.id }))).toBe("FORBIDDEN");
    expect(await codeOf(member.client.trpc.meetings.cancel.mutate({ meetingId: meeting.id }))).toBe("FORBIDDEN");
  });

  it("can be edited while scheduled, keeping the deadline no later than the start", async () => {
    const { meeting, owner } = await clubWithMeeting();
    const other = await catalogBook(server, { title: "Never Let Me Go", authors: ["Kazuo Ishiguro"], pageCount: 288 });
    const edited = await owner.client.trpc.meetings.update.mutate({
      meetingId: meeting.id,
      changes: { bookId: other.id, readingDeadline: inDays(10) },
    });
    expect(edited).toMatchObject({ bookId: other.id, bookPageCount: 288, book: { title: "Never Let Me Go" } });
    const edition = await owner.client.trpc.meetings.update.mutate({
      meetingId: meeting.id,
      changes: { bookPageCount: 300 },
    });
    expect(edition.bookPageCount).toBe(300);
    const back = await owner.client.trpc.meetings.update.mutate({
      meetingId: meeting.id,
      changes: { bookPageCount: null },
    });
    expect(back.bookPageCount).toBe(288);
    const noPages = await catalogBook(server, { pageCount: null });
    const refused = await rejectionOf(
      owner.client.trpc.meetings.update.mutate({ meetingId: meeting.id, changes: { bookId: noPages.id } }),
    );
    expect(refused.data?.zodError?.fieldErrors).toHaveProperty("bookPageCount");
    expect((await owner.client.trpc.meetings.get.query({ meetingId: meeting.id })).bookId).toBe(other.id);
    const late = await rejectionOf(
      owner.client.trpc.meetings.update.mutate({ meetingId: meeting.id, changes: { readingDeadline: inDays(30) } }),
    );
    expect(late.data?.zodError?.fieldErrors).toHaveProperty("readingDeadline");
    // The meeting has a link and no place: removing the link would leave it nowhere.
    const nowhere = await rejectionOf(
      owner.client.trpc.meetings.update.mutate({ meetingId: meeting.id, changes: { link: null } }),
    );
    expect(nowhere.data?.zodError?.fieldErrors).toHaveProperty("place");
    expect((await owner.client.trpc.meetings.get.query({ meetingId: meeting.id })).link).not.toBeNull();
  });
});

describe("RSVP, attendance and calendars", () => {
  it("members answer and change their answer; the meeting counts them", async () => {
    const { meeting, member, owner, outsider } = await clubWithMeeting();
    await member.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "interested" });
    await member.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" });
    await owner.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "not_going" });
    const seen = await member.client.trpc.meetings.get.query({ meetingId: meeting.id });
    expect(seen.myRsvp?.status).toBe("going");
    expect(seen.rsvpCounts).toEqual({ going: 1, interested: 0, not_going: 1 });
    expect(await codeOf(outsider.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("admins record attendance for members only", async () => {
    const { meeting, member, owner, outsider } = await clubWithMeeting();
    const early = owner.client.trpc.meetings.recordAttendance.mutate({
      meetingId: meeting.id,
      attendance: [{ userId: member.user.id, attended: true }],
    });
    expect(await codeOf(early)).toBe("CONFLICT");
    await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
    const recorded = await owner.client.trpc.meetings.recordAttendance.mutate({
      meetingId: meeting.id,
      attendance: [{ userId: member.user.id, attended: true }],
    });
    expect(recorded.recorded).toBe(1);
    expect((await member.client.trpc.meetings.get.query({ meetingId: meeting.id })).myRsvp?.attended).toBe(true);
    const stranger = await rejectionOf(
      owner.client.trpc.meetings.recordAttendance.mutate({
        meetingId: meeting.id,
        attendance: [{ userId: outsider.user.id, attended: true }],
      }),
    );
    expect(stranger.data?.zodError?.fieldErrors).toHaveProperty("attendance");
    expect(
      await codeOf(
        member.client.trpc.meetings.recordAttendance.mutate({
          meetingId: meeting.id,
          attendance: [{ userId: member.user.id, attended: true }],
        }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("a private club's meetings are hidden from outsiders", async () => {
    const { club, meeting, outsider, member } = await clubWithMeeting("private");
    expect(await codeOf(outsider.client.trpc.meetings.get.query({ meetingId: meeting.id }))).toBe("FORBIDDEN");
    expect(await codeOf(outsider.client.trpc.meetings.listForClub.query({ clubId: club.id }))).toBe("FORBIDDEN");
    expect((await member.client.trpc.meetings.listForClub.query({ clubId: club.id })).items).toHaveLength(1);
  });

  it("lists a club's upcoming meetings soonest first, page by page", async () => {
    const { club, meeting, owner } = await clubWithMeeting();
    for (const days of [3, 7]) {
      await owner.client.trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: (await catalogBook(server, { title: `Book in ${days} days` })).id,
        startsAt: inDays(days),
        place: "Cafe",
      });
    }
    const first = await owner.client.trpc.meetings.listForClub.query({ clubId: club.id, limit: 2 });
    const second = await owner.client.trpc.meetings.listForClub.query({
      clubId: club.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((row) => row.book.title)).toEqual([
      "Book in 3 days",
      "Book in 7 days",
      meeting.book.title,
    ]);
    expect(second.nextCursor).toBeNull();
    const past = await owner.client.trpc.meetings.listForClub.query({ clubId: club.id, when: "past" });
    expect(past.items).toEqual([]);
  });

  it("the calendar shows my clubs' meetings in a range with my answer", async () => {
    const { meeting, member, outsider } = await clubWithMeeting();
    await member.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" });
    const mine = await member.client.trpc.meetings.myCalendar.query({ from: inDays(0), to: inDays(30) });
    expect(mine.items.map((row) => [row.meeting.id, row.myRsvp])).toEqual([[meeting.id, "going"]]);
    expect((await outsider.client.trpc.meetings.myCalendar.query({ from: inDays(0), to: inDays(30) })).items).toEqual(
      [],
    );
    const reversed = await rejectionOf(
      member.client.trpc.meetings.myCalendar.query({ from: inDays(5), to: inDays(1) }),
    );
    expect(reversed.data?.zodError?.fieldErrors).toHaveProperty("to");
  });
});
