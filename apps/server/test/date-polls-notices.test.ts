import { and, eq, notifications } from "@booky/db";
import { startSmtpInbox } from "@booky/testing";
import { describe, expect, it } from "vitest";
import { enqueueJob } from "../src/services/jobs.js";
import { catalogBook } from "./catalog.js";
import { signedUpClient, startTestServer } from "./harness.js";
import { codeOf, inDays, raceMeeting } from "./race-support.js";

/** Opening a date poll or a book poll tells the club's members, by e-mail as each prefers (a real SMTP server). */
const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { SMTP_URL: inbox.url } });

const toldOf = (meetingId: string) =>
  server.db
    .select({ userId: notifications.userId, email: notifications.email })
    .from(notifications)
    .where(and(eq(notifications.meetingId, meetingId), eq(notifications.kind, "date_poll_opened")));

describe("date poll notices", () => {
  it("an admin opening a date poll tells every member but themself: at once by e-mail by default, in the digest or not at all as they chose", async () => {
    const { club, meeting, owner, members } = await raceMeeting(server);
    const [prompt, digest, silent] = members as [
      (typeof members)[number],
      (typeof members)[number],
      (typeof members)[number],
    ];
    // A member who is not going to this meeting is asked too: the poll is the club's way to find a time.
    const notGoing = await signedUpClient(server);
    await notGoing.client.trpc.clubs.join.mutate({ clubId: club.id });
    await digest.client.trpc.notifications.setPreference.mutate({ kind: "date_poll_opened", delivery: "email_digest" });
    await silent.client.trpc.notifications.setPreference.mutate({ kind: "date_poll_opened", delivery: "off" });

    // Bad input tells no one.
    expect(
      await codeOf(owner.client.trpc.datePolls.open.mutate({ meetingId: meeting.id, times: [inDays(-1), inDays(2)] })),
    ).toBe("BAD_REQUEST");
    expect(await toldOf(meeting.id)).toEqual([]);

    await owner.client.trpc.datePolls.open.mutate({ meetingId: meeting.id, times: [inDays(3), inDays(4)] });
    const told = await toldOf(meeting.id);
    expect(told.map((row) => [row.userId, row.email]).sort()).toEqual(
      [
        [prompt.user.id, "immediate"],
        [notGoing.user.id, "immediate"],
        [digest.user.id, "digest"],
      ].sort(),
    );

    const sentence = `Race Club asks when to meet about A Short Race: mark the times that suit you`;
    const mail = await inbox.waitForMailTo(prompt.details.email);
    expect(mail.subject).toBe(sentence);
    expect(mail.text).toContain(`/meetings/${meeting.id}`);
    expect((await inbox.waitForMailTo(notGoing.details.email)).subject).toBe(sentence);
    const [item] = (await prompt.client.trpc.notifications.list.query({})).items;
    expect(item).toMatchObject({ kind: "date_poll_opened", meeting: { id: meeting.id } });

    // The digest member gets it in the daily digest, not at once.
    expect(inbox.to(digest.details.email)).toHaveLength(0);
    await enqueueJob(server.db, "queue-digests", {});
    const daily = await inbox.waitForMailTo(digest.details.email);
    expect(daily.text).toContain(sentence);
    // The silent member's digest (the meeting's scheduling is in it) does not ask them; the owner is not in `told`.
    expect((await inbox.waitForMailTo(silent.details.email)).text).not.toContain(sentence);
  });

  it("an admin opening a book poll tells the members, e-mailed at once to those who asked for it", async () => {
    const { club, owner, members } = await raceMeeting(server, 2);
    const [eager, other] = members as [(typeof members)[number], (typeof members)[number]];
    await eager.client.trpc.notifications.setPreference.mutate({ kind: "poll_opened", delivery: "email_immediate" });
    const proposals = [];
    for (const [who, title] of [
      [eager, "First Choice"],
      [other, "Second Choice"],
    ] as const) {
      const book = await catalogBook(server, { title, pageCount: 200 });
      proposals.push(
        await who.client.trpc.polls.propose.mutate({
          clubId: club.id,
          bookId: book.id,
          pitch: "Read it with us, please",
        }),
      );
    }
    const { id: pollId } = await owner.client.trpc.polls.open.mutate({
      clubId: club.id,
      kind: "ranked",
      proposalIds: proposals.map((proposal) => proposal.id),
      closesAt: inDays(2),
      hideResults: false,
    });
    const mail = await inbox.waitForMailTo(eager.details.email);
    expect(mail.subject).toMatch(/^Race Club is voting on its next book until \d{4}-\d{2}-\d{2}$/);
    expect(mail.text).toContain(`/clubs/${club.slug}/polls/${pollId}`);
    const [item] = (await other.client.trpc.notifications.list.query({})).items;
    expect(item).toMatchObject({ kind: "poll_opened", data: { pollId } });
  });
});
