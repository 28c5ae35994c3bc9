import { bookProposals, pollOptions, polls } from "@booky/db";
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

/** Reading schedules: readers of the club see them, club admins set them. */
export function schedulesRows(): Record<string, Case | Case[]> {
  return {
    "schedules.get": inClub(content, (t, s) => t.schedules.get.query({ meetingId: s.meetingId })),
    "schedules.set": inClub(clubAdmins, (t, s) =>
      t.schedules.set.mutate({
        meetingId: s.meetingId,
        milestones: [{ untilPage: 1, dueAt: new Date(Date.now() + 3_600_000) }],
      }),
    ),
  };
}
