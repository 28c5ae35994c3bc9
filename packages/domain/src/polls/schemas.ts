import { z } from "zod";
import { clubIdInput } from "../clubs/schemas.js";
import { text, timestamp } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { POLL_KINDS } from "./tally.js";

export const PITCH_MAX = 1000;
export const POLL_OPTIONS_MAX = 20;
/** How far ahead a poll may close, and how soon at the earliest. */
export const POLL_OPEN_MIN_MS = 60_000;
export const POLL_OPEN_MAX_MS = 90 * 24 * 3_600_000;

export const proposalIdInput = clubIdInput.extend({ proposalId: z.uuid("Unknown proposal") });
export const pollIdInput = clubIdInput.extend({ pollId: z.uuid("Unknown poll") });

export const proposeBookInput = clubIdInput.extend({
  bookId: z.uuid("Pick a book from the catalog"),
  pitch: text().min(10, "Pitch the book in at least 10 characters").max(PITCH_MAX, `At most ${PITCH_MAX} characters`),
});

export const listProposalsInput = clubIdInput.extend(pageInput.shape);
export const listPollsInput = clubIdInput.extend(pageInput.shape);

export const openPollInput = clubIdInput.extend({
  kind: z.enum(POLL_KINDS, "Pick ranked choice or approval"),
  proposalIds: z
    .array(z.uuid("Unknown proposal"))
    .min(2, "A poll needs at least two proposals")
    .max(POLL_OPTIONS_MAX, `At most ${POLL_OPTIONS_MAX} proposals`)
    .refine((ids) => new Set(ids).size === ids.length, "Each proposal once"),
  closesAt: timestamp(),
  /** Results stay hidden until the poll closes. */
  hideResults: z.boolean().default(false),
});

/** A ranked ballot lists option ids most preferred first; an approval ballot the approved ones. */
export const ballotInput = pollIdInput.extend({
  choices: z
    .array(z.uuid("Unknown option"))
    .min(1, "Choose at least one option")
    .max(POLL_OPTIONS_MAX)
    .refine((ids) => new Set(ids).size === ids.length, "Each option once"),
});

/** Whether a poll closing at `closesAt` may be opened at `now`. */
export function closingTimeProblem(closesAt: Date, now: Date): string | null {
  const ahead = closesAt.getTime() - now.getTime();
  if (ahead < POLL_OPEN_MIN_MS) return "Close the poll at least a minute from now";
  if (ahead > POLL_OPEN_MAX_MS) return "Close the poll within 90 days";
  return null;
}

/** Results are shown while open unless hidden; always once closed. */
export function resultsVisible(poll: { hideResults: boolean; closedAt: Date | null }): boolean {
  return poll.closedAt !== null || !poll.hideResults;
}
