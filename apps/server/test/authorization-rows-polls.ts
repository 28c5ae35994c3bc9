import { bookProposals, meetingDatePolls, meetingTimeOptions, pollOptions, polls, readingMilestones } from "@booky/db";
import type { Scene } from "./authorization-fixture.js";
import { type Case, clubAdmins, clubMembersOnly, content, inClub } from "./authorization-rows.js";
import { catalogBook } from "./catalog.js";

/** The scene's club with two proposals and an open ranked poll among them. */
async function openPoll(scene: Scene) {
  const other = await catalogBook({ db: scene.db }, { title: "The Other Proposal" });
  const proposals = await scene.db
    .insert(bookProposals)
    .values(
      [scene.book.id, other.id].map((bookId) => ({
        clubId: scene.club.id,
        bookId,
        proposedBy: scene.people.member.id,
        pitch: "Read it",
        pitchHtml: "<p>Read it</p>",
      })),
    )
    .returning({ id: bookProposals.id });
  const [poll] = await scene.db
    .insert(polls)
    .values({
      clubId: scene.club.id,
      kind: "ranked",
      createdBy: scene.people.owner.id,
      closesAt: new Date(Date.now() + 3_600_000),
    })
    .returning({ id: polls.id });
  const options = await scene.db
    .insert(pollOptions)
    .values(proposals.map((proposal, position) => ({ pollId: poll?.id ?? "", proposalId: proposal.id, position })))
    .returning({ id: pollOptions.id });
  return { pollId: poll?.id ?? "", proposalIds: proposals.map((p) => p.id), optionIds: options.map((o) => o.id) };
}

const withPoll = { prepare: openPoll };

/** Proposals and polls: the club's readers see them, members propose and vote, club admins open and close. */
export function pollsRows(): Record<string, Case | Case[]> {
  return {
    "polls.proposals": inClub(content, (t, s) => t.polls.proposals.query({ clubId: s.club.id })),
    "polls.propose": inClub(clubMembersOnly, (t, s) =>
      t.polls.propose.mutate({ clubId: s.club.id, bookId: s.book.id, pitch: "A pitch for the book" }),
    ),
    "polls.list": inClub(content, (t, s) => t.polls.list.query({ clubId: s.club.id })),
    "polls.get": inClub(content, withPoll, (t, s, p) => t.polls.get.query({ clubId: s.club.id, pollId: p.pollId })),
    "polls.open": inClub(clubAdmins, withPoll, (t, s, p) =>
      t.polls.open.mutate({
        clubId: s.club.id,
        kind: "approval",
        proposalIds: p.proposalIds,
        closesAt: new Date(Date.now() + 3_600_000),
      }),
    ),
    "polls.vote": inClub(clubMembersOnly, withPoll, (t, s, p) =>
      t.polls.vote.mutate({ clubId: s.club.id, pollId: p.pollId, choices: p.optionIds }),
    ),
    "polls.close": inClub(clubAdmins, withPoll, (t, s, p) =>
      t.polls.close.mutate({ clubId: s.club.id, pollId: p.pollId }),
    ),
  };
}

/** The scene's meeting with a milestone (no thread yet). */
async function withMilestone(scene: Scene) {
  const [milestone] = await scene.db
    .insert(readingMilestones)
    .values({ meetingId: scene.meetingId, untilPage: 50, dueAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: readingMilestones.id });
  return milestone?.id ?? "";
}

/** The scene's meeting with a date poll of two times. */
async function withDatePoll(scene: Scene) {
  await scene.db.insert(meetingDatePolls).values({ meetingId: scene.meetingId, createdBy: scene.people.owner.id });
  const options = await scene.db
    .insert(meetingTimeOptions)
    .values([2, 3].map((days) => ({ meetingId: scene.meetingId, startsAt: new Date(Date.now() + days * 86_400_000) })))
    .returning({ id: meetingTimeOptions.id });
  return options.map((option) => option.id);
}

/** Date polls: the club's readers see them, members mark times, club admins open them and pick. */
export function datePollsRows(): Record<string, Case | Case[]> {
  return {
    "datePolls.get": inClub(content, (t, s) => t.datePolls.get.query({ meetingId: s.meetingId })),
    "datePolls.open": inClub(clubAdmins, (t, s) =>
      t.datePolls.open.mutate({
        meetingId: s.meetingId,
        times: [new Date(Date.now() + 86_400_000), new Date(Date.now() + 2 * 86_400_000)],
      }),
    ),
    "datePolls.mark": inClub(clubMembersOnly, { prepare: withDatePoll }, (t, s, ids) =>
      t.datePolls.mark.mutate({ meetingId: s.meetingId, optionIds: ids.slice(0, 1) }),
    ),
    "datePolls.pick": inClub(clubAdmins, { prepare: withDatePoll }, (t, s, ids) =>
      t.datePolls.pick.mutate({ meetingId: s.meetingId, optionId: ids[0] ?? "" }),
    ),
  };
}

/** Reading schedules: readers of the club see them, club admins set them and open milestone threads. */
export function schedulesRows(): Record<string, Case | Case[]> {
  return {
    "schedules.get": inClub(content, (t, s) => t.schedules.get.query({ meetingId: s.meetingId })),
    "schedules.mine": inClub(content, (t, s) => t.schedules.mine.query({ meetingId: s.meetingId })),
    "schedules.openThread": inClub(clubAdmins, { prepare: withMilestone }, (t, s, milestoneId) =>
      t.schedules.openThread.mutate({ meetingId: s.meetingId, milestoneId }),
    ),
    "schedules.set": inClub(clubAdmins, (t, s) =>
      t.schedules.set.mutate({
        meetingId: s.meetingId,
        milestones: [{ untilPage: 1, dueAt: new Date(Date.now() + 3_600_000) }],
      }),
    ),
  };
}
