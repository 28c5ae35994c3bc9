import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it } from "vitest";
import { enqueueJob } from "../src/services/jobs.js";
import { bookClub } from "./discussions-support.js";
import { signedUpClient, startTestServer } from "./harness.js";

const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { SMTP_URL: inbox.url } });
type ParsedMail = Awaited<ReturnType<typeof inbox.waitForMailTo>>;

/** A raw header line of the received message, as the mail client sees it. */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((line) => line.key === name.toLowerCase())
    ?.line.replace(/^[^:]+:\s*/, "")
    .replace(/\r?\n\s+/g, " ");
const unsubscribeLink = (mail: ParsedMail) => new URL(header(mail, "List-Unsubscribe")?.match(/<([^>]+)>/)?.[1] ?? "");
/** The link on this server (PUBLIC_URL is the web app's address). */
const onServer = (link: URL) => `${server.url}${link.pathname}${link.search}`;
const oneClick = (link: URL) =>
  fetch(onServer(link), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("notification e-mails", () => {
  it("a mention is mailed at once (a job), text and HTML, with one-click unsubscribe headers", async () => {
    const { clubId, host, ahead } = await bookClub(server);
    await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Snacks <b>tonight</b>",
      body: `@${ahead.user.username} bring the tea`,
    });
    const mail = await inbox.waitForMailTo(ahead.details.email);
    expect(mail.subject).toBe(`${host.details.displayName} mentioned you in “Snacks <b>tonight</b>”`);
    expect(mail.text).toContain("bring the tea");
    expect(mail.html).toContain("Snacks &#60;b&#62;tonight&#60;/b&#62;");
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = unsubscribeLink(mail);
    expect(link.pathname).toBe("/unsubscribe");
    expect(Object.fromEntries(link.searchParams)).toMatchObject({ u: ahead.user.id, k: "mention" });
  });

  it("respects the spoiler guard: a mention about page 250 reaches the member on page 140 without its words", async () => {
    const { clubId, meetingId, ahead, behind } = await bookClub(server);
    const { id: threadId } = await behind.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "Early days",
      body: "Slow start",
    });
    await ahead.client.trpc.discussions.comment.mutate({
      clubId,
      threadId,
      body: `@${behind.user.username} the captain sinks the ship`,
      page: 250,
    });
    const mail = await inbox.waitForMailTo(behind.details.email);
    expect(`${mail.text}${mail.html}`).not.toContain("sinks the ship");
    expect(mail.text).toContain("About page 250 — you are on page 140");
  });

  it("the daily digest gathers the rest; its one-click POST unsubscribes without login, idempotently; a GET changes nothing", async () => {
    const member = await signedUpClient(server);
    for (let index = 0; index < 2; index++) {
      const friend = await signedUpClient(server);
      await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    }
    expect(inbox.to(member.details.email)).toHaveLength(0);
    await enqueueJob(server.db, "queue-digests", {});
    const digest = await inbox.waitForMailTo(member.details.email);
    expect(digest.subject).toBe("Your Booky digest: 2 new notifications");
    expect(digest.text?.match(/wants to be your friend/g)).toHaveLength(2);
    const link = unsubscribeLink(digest);
    expect(link.searchParams.get("k")).toBe("digest");

    const delivery = async () =>
      (await member.client.trpc.notifications.preferences.query()).find((pref) => pref.kind === "friend_request")
        ?.delivery;
    await fetch(onServer(link));
    expect(await delivery()).toBe("email_digest");

    const first = await oneClick(link);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      scope: "digest",
      unsubscribed: expect.arrayContaining(["friend_request"]),
    });
    expect(await delivery()).toBe("in_app");
    const again = await oneClick(link);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ scope: "digest", unsubscribed: [] });

    // Still told in the app; no more digests.
    const friend = await signedUpClient(server);
    await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    expect((await member.client.trpc.notifications.unreadCount.query()).count).toBe(3);
  });

  it("refuses a link whose token does not match its member or kind, changing nothing", async () => {
    const { clubId, host, ahead } = await bookClub(server);
    await host.client.trpc.discussions.createThread.mutate({ clubId, title: "Hello", body: `@${ahead.user.username}` });
    const link = unsubscribeLink(await inbox.waitForMailTo(ahead.details.email));
    const forged = new URL(link);
    forged.searchParams.set("k", "reply");
    expect((await oneClick(forged)).status).toBe(400);
    const otherMember = new URL(link);
    otherMember.searchParams.set("u", host.user.id);
    expect((await oneClick(otherMember)).status).toBe(400);
    const prefs = await ahead.client.trpc.notifications.preferences.query();
    expect(prefs.find((pref) => pref.kind === "mention")?.delivery).toBe("email_immediate");
    expect(prefs.find((pref) => pref.kind === "reply")?.delivery).toBe("email_digest");
  });
});
