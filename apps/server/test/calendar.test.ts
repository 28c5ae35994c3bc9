import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();

/** Fetches a feed from its public URL (PUBLIC_URL is a placeholder host in tests) and parses it. */
async function fetchFeed(url: string) {
  const response = await fetch(`${server.url}${new URL(url).pathname}`);
  const text = await response.text();
  return { response, text };
}

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      zone: event.startDate.zone?.tzid,
      status: vevent.getFirstPropertyValue("status"),
      sequence: event.sequence,
    };
  });
}

describe("the iCalendar feed", () => {
  it("lists my clubs' meetings (a UTC club's in UTC) with stable UIDs, reflects edits and cancellations, and can be revoked", async () => {
    const owner = await signedUpClient(server);
    const club = await owner.client.trpc.clubs.create.mutate({
      name: "Calendar Club",
      category: "history",
      isOnline: true,
    });
    const startsAt = new Date(Date.UTC(2030, 0, 15, 18, 30));
    const spqr = await catalogBook(server, { title: "SPQR", authors: ["Mary Beard"], pageCount: 608 });
    const secondEdition = await catalogBook(server, { title: "SPQR (2nd ed.)", authors: ["Mary Beard"] });
    const meeting = await owner.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId: spqr.id,
      startsAt,
      link: "https://meet.example.com/spqr",
    });
    const { url } = await owner.client.trpc.calendar.createFeed.mutate();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const first = await fetchFeed(url);
    expect(first.response.headers.get("content-type")).toContain("text/calendar");
    const [event] = eventsOf(first.text);
    expect(event).toMatchObject({ uid: `${meeting?.id}@booky`, summary: "Calendar Club: SPQR", zone: "Etc/UTC" });
    expect(event?.start.getTime()).toBe(startsAt.getTime());
    expect(first.text).toContain("DTSTART;TZID=Etc/UTC:20300115T183000");

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await owner.client.trpc.meetings.update.mutate({
      meetingId: meeting?.id ?? "",
      changes: { bookId: secondEdition.id },
    });
    await owner.client.trpc.meetings.cancel.mutate({ meetingId: meeting?.id ?? "" });
    const [changed] = eventsOf((await fetchFeed(url)).text);
    expect(changed).toMatchObject({ uid: event?.uid, summary: "Calendar Club: SPQR (2nd ed.)", status: "CANCELLED" });
    expect(changed?.sequence ?? 0).toBeGreaterThan(event?.sequence ?? 0);

    const { url: next } = await owner.client.trpc.calendar.createFeed.mutate();
    expect((await fetchFeed(url)).response.status).toBe(404);
    expect((await fetchFeed(next)).response.status).toBe(200);
    await owner.client.trpc.calendar.revokeFeed.mutate();
    expect((await fetchFeed(next)).response.status).toBe(404);
  });

  it("carries each meeting's club time zone: TZID on the times and the zone's VTIMEZONE", async () => {
    const owner = await signedUpClient(server);
    const club = await owner.client.trpc.clubs.create.mutate({
      name: "Roman Readers",
      category: "history",
      isOnline: true,
      timeZone: "Europe/Rome",
    });
    const book = await catalogBook(server, {
      title: "The Leopard",
      authors: ["Giuseppe Tomasi di Lampedusa"],
      pageCount: 330,
    });
    // 18:00 UTC in January is 19:00 in Rome.
    const startsAt = new Date(Date.UTC(2031, 0, 20, 18, 0));
    const meeting = await owner.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId: book.id,
      startsAt,
      link: "https://meet.example.com/leopard",
    });
    expect(meeting.timeZone).toBe("Europe/Rome");
    const { url } = await owner.client.trpc.calendar.createFeed.mutate();
    const { text } = await fetchFeed(url);
    expect(text).toContain("DTSTART;TZID=Europe/Rome:20310120T190000");
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Rome/);
    const [event] = eventsOf(text);
    expect(event?.start.getTime()).toBe(startsAt.getTime());
  });

  it("shows nothing of clubs I am not in, and needs sign-in to create a feed", async () => {
    const outsider = await signedUpClient(server);
    const { url } = await outsider.client.trpc.calendar.createFeed.mutate();
    expect(eventsOf((await fetchFeed(url)).text)).toEqual([]);
    expect((await rejectionOf(server.client().trpc.calendar.createFeed.mutate())).data?.code).toBe("UNAUTHORIZED");
    expect((await fetch(`${server.url}/calendar/not-a-token.ics`)).status).toBe(404);
  });
});
