import { randomBytes, randomUUID } from "node:crypto";
import {
  and,
  books,
  clubs,
  type Executor,
  eq,
  inArray,
  isNull,
  meetings,
  sql,
  users,
  webhookDeliveries,
  webhooks,
} from "@booky/db";
import { type createWebhookInput, WEBHOOK_MAX_ATTEMPTS, type WebhookEvent, type WebhookFacts } from "@booky/domain";
import type { z } from "zod";
import { notFound } from "../errors.js";
import { enqueueJob } from "./jobs.js";
import { definePager, pageRows } from "./pagination.js";
import { type TargetPolicy, validateWebhookUrl } from "./webhook-targets.js";

/** What a club's admins see of a webhook: never its secret. */
const webhookColumns = {
  id: webhooks.id,
  clubId: webhooks.clubId,
  url: webhooks.url,
  description: webhooks.description,
  events: webhooks.events,
  format: webhooks.format,
  consecutiveFailures: webhooks.consecutiveFailures,
  disabledAt: webhooks.disabledAt,
  createdAt: webhooks.createdAt,
};

/** Registers a club webhook; the answer carries its signing secret this once (Standard Webhooks' `whsec_` form). */
export async function createWebhook(
  db: Executor,
  userId: string,
  input: z.output<typeof createWebhookInput>,
  policy: TargetPolicy,
) {
  const url = validateWebhookUrl(input.url, policy);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const [saved] = await db
    .insert(webhooks)
    .values({
      clubId: input.clubId,
      createdBy: userId,
      url: url.toString(),
      description: input.description,
      events: input.events,
      format: input.format,
      secret,
    })
    .returning(webhookColumns);
  if (!saved) throw new Error("webhook insert returned nothing");
  return { ...saved, secret };
}

const webhooksPager = definePager({ list: "webhooks.list", order: "desc", key: "timestamp" });
const deliveriesPager = definePager({ list: "webhooks.deliveries", order: "desc", key: "timestamp" });
type Page = { cursor?: string | null; limit: number };

export async function listWebhooks(db: Executor, clubId: string, page: Page) {
  const query = db.select(webhookColumns).from(webhooks).$dynamic();
  const sort = { key: webhooks.createdAt, id: webhooks.id };
  const rows = await pageRows(query, webhooksPager, sort, page, eq(webhooks.clubId, clubId));
  return webhooksPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const ofClub = (clubId: string, webhookId: string) => and(eq(webhooks.id, webhookId), eq(webhooks.clubId, clubId));

/** Turns a webhook off or back on; on again, its failure count starts over. */
export async function setWebhookEnabled(db: Executor, clubId: string, webhookId: string, enabled: boolean) {
  const [saved] = await db
    .update(webhooks)
    .set(
      enabled
        ? { disabledAt: null, consecutiveFailures: 0 }
        : { disabledAt: sql`coalesce(${webhooks.disabledAt}, now())` },
    )
    .where(ofClub(clubId, webhookId))
    .returning(webhookColumns);
  if (!saved) throw notFound("No such webhook in this club");
  return saved;
}

/** Deletes a webhook with its delivery log; deliveries still queued find nothing to send. */
export async function deleteWebhook(db: Executor, clubId: string, webhookId: string) {
  const [deleted] = await db.delete(webhooks).where(ofClub(clubId, webhookId)).returning(webhookColumns);
  if (!deleted) throw notFound("No such webhook in this club");
  return deleted;
}

/** A webhook's delivery log, newest first. */
export async function listDeliveries(db: Executor, clubId: string, webhookId: string, page: Page) {
  const [hook] = await db.select({ id: webhooks.id }).from(webhooks).where(ofClub(clubId, webhookId));
  if (!hook) throw notFound("No such webhook in this club");
  const query = db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastResponseCode: webhookDeliveries.lastResponseCode,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .$dynamic();
  const sort = { key: webhookDeliveries.createdAt, id: webhookDeliveries.id };
  const rows = await pageRows(query, deliveriesPager, sort, page, eq(webhookDeliveries.webhookId, webhookId));
  return deliveriesPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

/** What a service names when it raises an event: ids, looked up into names only when a webhook listens. */
export interface ClubEventSubject {
  meetingId?: string;
  userId?: string;
  winnerIds?: string[];
  thread?: { id: string; title: string; spoiler: boolean };
}

/**
 * Raises a club event inside the caller's transaction: one delivery row and
 * one job per live webhook of the club listening for it, so they exist if and
 * only if the change commits, and once each.
 */
export async function raiseClubEvent(tx: Executor, clubId: string, event: WebhookEvent, subject: ClubEventSubject) {
  const listening = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.clubId, clubId),
        isNull(webhooks.disabledAt),
        sql`${event}::webhook_event = any(${webhooks.events})`,
      ),
    );
  if (listening.length === 0) return;
  const eventId = randomUUID();
  const payload = {
    id: eventId,
    type: event,
    createdAt: new Date().toISOString(),
    data: await eventFacts(tx, clubId, subject),
  };
  const saved = await tx
    .insert(webhookDeliveries)
    .values(listening.map((hook) => ({ webhookId: hook.id, eventId, event, payload })))
    .returning({ id: webhookDeliveries.id });
  for (const delivery of saved) await enqueueWebhookDelivery(tx, delivery.id);
}

/** Retried by the queue with exponential backoff; the delivery's own attempt count decides when it has failed. */
export function enqueueWebhookDelivery(db: Executor, deliveryId: string) {
  return enqueueJob(
    db,
    "deliver-webhook",
    { deliveryId },
    { jobKey: `webhook:${deliveryId}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS + 1 },
  );
}

type EventData = WebhookFacts & { club: { id: string; name: string; slug: string } } & Record<string, unknown>;

async function eventFacts(tx: Executor, clubId: string, subject: ClubEventSubject): Promise<EventData> {
  const [club] = await tx
    .select({ id: clubs.id, name: clubs.name, slug: clubs.slug })
    .from(clubs)
    .where(eq(clubs.id, clubId));
  if (!club) throw new Error("event of a missing club");
  const [meeting] = subject.meetingId
    ? await tx
        .select({ id: meetings.id, bookTitle: books.title, startsAt: meetings.startsAt })
        .from(meetings)
        .innerJoin(books, eq(books.id, meetings.bookId))
        .where(eq(meetings.id, subject.meetingId))
    : [];
  const people = [...(subject.userId ? [subject.userId] : []), ...(subject.winnerIds ?? [])];
  const named = people.length
    ? await tx
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const person = (id: string) => {
    const found = named.find((row) => row.id === id);
    return found ? { username: found.username, displayName: found.displayName } : null;
  };
  return {
    club,
    ...(meeting ? { meeting: { ...meeting, startsAt: meeting.startsAt.toISOString() } } : {}),
    ...(subject.userId ? { member: person(subject.userId) } : {}),
    ...(subject.winnerIds ? { winners: subject.winnerIds.flatMap((id) => person(id) ?? []) } : {}),
    // A spoiler thread's title stays inside the club.
    ...(subject.thread
      ? { thread: { id: subject.thread.id, title: subject.thread.spoiler ? null : subject.thread.title } }
      : {}),
  };
}
