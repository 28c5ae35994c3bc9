import { and, books, calendarFeeds, clubMembers, clubs, eq, gte, isNull, meetings, sql } from "@booky/db";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import type { FastifyInstance } from "fastify";
import ical, { ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import type { AppDeps } from "../context.js";
import { hashOpaqueToken } from "../services/tokens.js";

const MEETING_LENGTH_MS = 2 * 60 * 60 * 1000;

/**
 * `GET /calendar/<token>.ics`: the member's meetings across their clubs as
 * RFC 5545 iCalendar, each meeting in its club's time zone (TZID, with the
 * zone's VTIMEZONE; UTC clubs' meetings in UTC), one stable UID per meeting,
 * SEQUENCE bumped by edits, cancelled meetings marked CANCELLED.
 */
export function registerCalendarFeed(app: FastifyInstance, deps: Pick<AppDeps, "db" | "config">): void {
  app.get<{ Params: { file: string } }>("/calendar/:file", async (request, reply) => {
    const token = request.params.file.endsWith(".ics") ? request.params.file.slice(0, -4) : "";
    const [feed] =
      token.length > 0 && token.length <= 128
        ? await deps.db
            .select({ userId: calendarFeeds.userId })
            .from(calendarFeeds)
            .where(and(eq(calendarFeeds.tokenHash, hashOpaqueToken(token)), isNull(calendarFeeds.revokedAt)))
        : [];
    if (!feed) return reply.code(404).send({ error: "Not Found" });

    const rows = await deps.db
      .select({ meeting: meetings, bookTitle: books.title, clubName: clubs.name, clubSlug: clubs.slug })
      .from(meetings)
      .innerJoin(books, eq(books.id, meetings.bookId))
      .innerJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, feed.userId)))
      .innerJoin(clubs, eq(clubs.id, meetings.clubId))
      .where(gte(meetings.startsAt, sql`now() - interval '90 days'`))
      .orderBy(meetings.startsAt)
      .limit(1000);

    const calendar = ical({
      name: "Booky meetings",
      prodId: { company: "Booky", product: "meetings", language: "EN" },
      // The feed's own zone is UTC; the generator adds a VTIMEZONE for every zone a meeting names.
      timezone: { name: "Etc/UTC", generator: getVtimezoneComponent },
    });
    for (const { meeting, bookTitle, clubName, clubSlug } of rows) {
      calendar.createEvent({
        id: `${meeting.id}@booky`,
        // Luxon times: ical-generator writes a native Date's wall clock in the server's own zone.
        start: DateTime.fromJSDate(meeting.startsAt),
        end: DateTime.fromJSDate(new Date(meeting.startsAt.getTime() + MEETING_LENGTH_MS)),
        timezone: meeting.timeZone === "UTC" ? "Etc/UTC" : meeting.timeZone,
        summary: `${clubName}: ${bookTitle}`,
        description: `Read ${bookTitle} (${meeting.bookPageCount} pages) by ${meeting.readingDeadline.toISOString()}.`,
        location: meeting.place ?? meeting.link,
        url: meeting.link ?? new URL(`/clubs/${clubSlug}`, deps.config.PUBLIC_URL).toString(),
        status: meeting.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        sequence: Math.floor(meeting.updatedAt.getTime() / 1000) - Math.floor(meeting.createdAt.getTime() / 1000),
        lastModified: meeting.updatedAt,
        stamp: meeting.updatedAt,
      });
    }
    return reply
      .header("content-type", "text/calendar; charset=utf-8")
      .header("cache-control", "private, max-age=300")
      .send(calendar.toString());
  });
}
