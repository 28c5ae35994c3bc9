import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, webhookDeliveries, webhooks } from "@booky/db";
import { describe, expect, it, vi } from "vitest";
import { deliverWebhook } from "../src/services/webhook-delivery.js";
import { isForbiddenAddress } from "../src/services/webhook-targets.js";
import { catalogBook } from "./catalog.js";
import { rejectionOf, startTestServer, type TestServer } from "./harness.js";
import { finish, inDays, type Reader, raceMeeting } from "./race-support.js";
import { type Received, startWebhookReceiver } from "./webhook-receiver.js";

// Loopback receivers are allowed here by the config flag only; `strict` runs with production's rule.
const server = await startTestServer({ jobs: true, env: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" } });
const strict = await startTestServer();

/** What a receiver does with the Standard Webhooks headers: recompute the HMAC and compare in constant time. */
function verify(secret: string, message: Received) {
  const id = String(message.headers["webhook-id"]);
  const timestamp = String(message.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${message.body}`).digest();
  const given = Buffer.from(String(message.headers["webhook-signature"]).replace(/^v1,/, ""), "base64");
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

async function scheduleMeeting(on: TestServer, owner: Reader, clubId: string) {
  const book = await catalogBook(on, { title: "The Hooked Book", pageCount: 50 });
  return owner.client.trpc.meetings.create.mutate({
    clubId,
    bookId: book.id,
    startsAt: inDays(3),
    link: "https://meet.example.com/hooked",
  });
}

const deliveriesOf = (on: TestServer, webhookId: string) =>
  on.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));

describe("club webhooks", () => {
  it("deliver club events signed with the webhook's secret, logged as delivered", async () => {
    const receiver = await startWebhookReceiver();
    const { club, meeting, owner, members } = await raceMeeting(server, 1);
    const hook = await owner.client.trpc.webhooks.create.mutate({
      clubId: club.id,
      url: receiver.url,
      events: ["meeting.scheduled", "member.finished"],
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    const listed = await owner.client.trpc.webhooks.list.query({ clubId: club.id });
    expect(JSON.stringify(listed)).not.toContain(hook.secret);

    const scheduled = await scheduleMeeting(server, owner, club.id);
    await finish(members[0] as Reader, meeting.id);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 20_000, interval: 100 });

    const bodies = receiver.received.map((message) => JSON.parse(message.body));
    expect(bodies.map((body) => body.type).sort()).toEqual(["meeting.scheduled", "member.finished"]);
    expect(bodies.find((body) => body.type === "meeting.scheduled").data).toMatchObject({
      club: { id: club.id, name: "Race Club" },
      meeting: { id: scheduled?.id, bookTitle: "The Hooked Book" },
    });
    expect(bodies.find((body) => body.type === "member.finished").data.member).toMatchObject({
      username: (members[0] as Reader).user.username,
    });
    for (const message of receiver.received) {
      expect(verify(hook.secret, message)).toBe(true);
      expect(verify(hook.secret, { ...message, body: message.body.replace("Race", "Rage") })).toBe(false);
    }

    await vi.waitFor(
      async () => {
        const log = await owner.client.trpc.webhooks.deliveries.query({ clubId: club.id, webhookId: hook.id });
        expect(log.items.map((entry) => [entry.status, entry.attempts, entry.lastResponseCode])).toEqual([
          ["delivered", 1, 200],
          ["delivered", 1, 200],
        ]);
      },
      { timeout: 5_000, interval: 100 },
    );
  });

  it("retry a failing receiver with backoff under one webhook-id until it answers 2xx", async () => {
    const receiver = await startWebhookReceiver();
    receiver.answers.push(500, 503);
    const { club, owner } = await raceMeeting(server, 0);
    const hook = await owner.client.trpc.webhooks.create.mutate({
      clubId: club.id,
      url: receiver.url,
      events: ["meeting.scheduled"],
    });
    await scheduleMeeting(server, owner, club.id);

    await vi.waitFor(
      async () => {
        const [delivery] = await deliveriesOf(server, hook.id);
        expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastResponseCode: 200 });
      },
      { timeout: 40_000, interval: 250 },
    );
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((message) => message.headers["webhook-id"])).size).toBe(1);
    for (const message of receiver.received) expect(verify(hook.secret, message)).toBe(true);
  }, 60_000);

  it("post a Discord-compatible message in the discord format", async () => {
    const receiver = await startWebhookReceiver();
    const { club, owner } = await raceMeeting(server, 0);
    await owner.client.trpc.webhooks.create.mutate({
      clubId: club.id,
      url: receiver.url,
      events: ["thread.created"],
      format: "discord",
    });
    await owner.client.trpc.discussions.createThread.mutate({
      clubId: club.id,
      title: "Chapter one",
      body: "Thoughts?",
    });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000, interval: 100 });
    const body = JSON.parse(receiver.received[0]?.body ?? "{}");
    expect(body).toMatchObject({
      content: "New thread in Race Club: “Chapter one”",
      embeds: [{ title: "Race Club", url: expect.stringMatching(/\/clubs\//) }],
    });
  });

  it("are refused for loopback, private, link-local and plain-http targets", async () => {
    const { club, owner, members } = await raceMeeting(strict, 1);
    for (const url of [
      "http://hooks.example.com/booky",
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://10.1.2.3/hook",
      "https://192.168.1.10/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[fe80::1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
    ]) {
      const error = await rejectionOf(
        owner.client.trpc.webhooks.create.mutate({ clubId: club.id, url, events: ["meeting.scheduled"] }),
      );
      expect(error.data?.code, url).toBe("BAD_REQUEST");
    }
    const member = members[0] as Reader;
    const notAdmin = member.client.trpc.webhooks.create.mutate({
      clubId: club.id,
      url: "https://hooks.example.com/booky",
      events: ["meeting.scheduled"],
    });
    expect((await rejectionOf(notAdmin)).data?.code).toBe("FORBIDDEN");
    expect(await strict.db.select().from(webhooks).where(eq(webhooks.clubId, club.id))).toEqual([]);
    expect(["8.8.8.8", "2606:4700::1111"].map(isForbiddenAddress)).toEqual([false, false]);
  });

  it("check the resolved address at send time, so a name that now points inside is not reached", async () => {
    const receiver = await startWebhookReceiver();
    const { club, owner } = await raceMeeting(strict, 0);
    // As if registered while the name answered a public address: `localhost` now resolves to loopback.
    const [hook] = await strict.db
      .insert(webhooks)
      .values({
        clubId: club.id,
        url: `http://localhost:${receiver.port}/hooks`,
        events: ["meeting.scheduled"],
        secret: "whsec_AAAA",
      })
      .returning();
    await scheduleMeeting(strict, owner, club.id);
    const [delivery] = await deliveriesOf(strict, hook?.id ?? "");
    const options = { allowPrivate: false, timeoutMs: 2000, publicUrl: strict.config.PUBLIC_URL };
    await expect(deliverWebhook(strict.db, delivery?.id ?? "", options)).rejects.toThrow(/forbidden address/);
    expect(receiver.received).toHaveLength(0);
    const [logged] = await deliveriesOf(strict, hook?.id ?? "");
    expect(logged).toMatchObject({ status: "pending", attempts: 1, lastResponseCode: null });
    expect(logged?.lastError).toMatch(/resolves to a forbidden address \((127\.0\.0\.1|::1)\)/);
  });

  it("deliver an event once per webhook: a re-run after success sends nothing, a killed attempt is sent again under its id", async () => {
    const receiver = await startWebhookReceiver();
    const { club, owner } = await raceMeeting(strict, 0);
    const [hook] = await strict.db
      .insert(webhooks)
      .values({ clubId: club.id, url: receiver.url, events: ["meeting.scheduled"], secret: "whsec_AAAA" })
      .returning();
    await scheduleMeeting(strict, owner, club.id);
    const [delivery] = await deliveriesOf(strict, hook?.id ?? "");
    const id = delivery?.id ?? "";
    // A worker killed after counting its attempt and before recording the answer leaves the delivery pending.
    await strict.db.update(webhookDeliveries).set({ attempts: 1 }).where(eq(webhookDeliveries.id, id));

    const options = { allowPrivate: true, timeoutMs: 2000, publicUrl: strict.config.PUBLIC_URL };
    expect(await deliverWebhook(strict.db, id, options)).toEqual({ status: "delivered" });
    expect(await deliverWebhook(strict.db, id, options)).toEqual({ status: "skipped" });
    await Promise.all([deliverWebhook(strict.db, id, options), deliverWebhook(strict.db, id, options)]);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers["webhook-id"]).toBe(id);
    expect(await deliveriesOf(strict, hook?.id ?? "")).toMatchObject([{ status: "delivered", attempts: 2 }]);
  });

  it("turn a webhook off after repeated failed events and tell the club's admins", async () => {
    const receiver = await startWebhookReceiver();
    const { club, owner } = await raceMeeting(strict, 0);
    const [hook] = await strict.db
      .insert(webhooks)
      .values({
        clubId: club.id,
        url: receiver.url,
        events: ["meeting.scheduled"],
        secret: "whsec_AAAA",
        consecutiveFailures: 4,
      })
      .returning();
    await scheduleMeeting(strict, owner, club.id);
    const [delivery] = await deliveriesOf(strict, hook?.id ?? "");
    // The last of its attempts: this failure fails the event, the fifth in a row.
    await strict.db
      .update(webhookDeliveries)
      .set({ attempts: 7 })
      .where(eq(webhookDeliveries.id, delivery?.id ?? ""));
    receiver.answers.push(500);
    const options = { allowPrivate: true, timeoutMs: 2000, publicUrl: strict.config.PUBLIC_URL };
    expect(await deliverWebhook(strict.db, delivery?.id ?? "", options)).toEqual({ status: "failed" });

    const [listed] = (await owner.client.trpc.webhooks.list.query({ clubId: club.id })).items;
    expect(listed).toMatchObject({ consecutiveFailures: 5, disabledAt: expect.any(Date) });
    const notices = await owner.client.trpc.notifications.list.query({});
    expect(notices.items.map((notice) => notice.kind)).toContain("webhook_disabled");
    const enabled = await owner.client.trpc.webhooks.setEnabled.mutate({
      clubId: club.id,
      webhookId: hook?.id ?? "",
      enabled: true,
    });
    expect(enabled).toMatchObject({ consecutiveFailures: 0, disabledAt: null });
  });
});
