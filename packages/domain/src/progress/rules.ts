import { z } from "zod";
import { meetingIdInput } from "../meetings/schemas.js";
import type { MeetingStatus } from "../meetings/status.js";

export type ProgressVerdict =
  | { ok: true; page: number; finished: boolean }
  | { ok: false; field: "page"; message: string };

/**
 * Whether an attendee may move from `current` to `next` in a book of
 * `pageCount` pages. Progress only goes forward unless it is an explicit
 * correction; reaching the last page means finished.
 */
export function judgeProgress(input: {
  current: number | null;
  next: number;
  pageCount: number;
  correction: boolean;
}): ProgressVerdict {
  const { current, next, pageCount, correction } = input;
  if (!Number.isInteger(next) || next < 0)
    return { ok: false, field: "page", message: "Pages are whole numbers from 0" };
  if (next > pageCount) return { ok: false, field: "page", message: `This book has ${pageCount} pages` };
  if (current !== null && next < current && !correction) {
    return {
      ok: false,
      field: "page",
      message: `You were already on page ${current}; mark it as a correction to go back`,
    };
  }
  return { ok: true, page: next, finished: next === pageCount };
}

/** Attendees report progress while the meeting is scheduled or under way; a closed or cancelled race is final. */
export function acceptsProgress(status: MeetingStatus): boolean {
  return status === "scheduled" || status === "active";
}

/** Whole percent read, rounded down, so 100% means truly finished. */
export function percentRead(page: number, pageCount: number): number {
  return pageCount <= 0 ? 0 : Math.floor((Math.min(page, pageCount) * 100) / pageCount);
}

export const updateProgressInput = meetingIdInput
  .extend({
    /** The page reached; omit with `finished: true` to jump to the last page. */
    page: z.int("Whole pages").min(0, "Pages start at 0").optional(),
    finished: z.boolean().optional(),
    /** The version this update was based on (0 for the first report). */
    expectedVersion: z.int().min(0),
    correction: z.boolean().default(false),
  })
  .refine((value) => value.page !== undefined || value.finished === true, {
    path: ["page"],
    message: "Give the page you reached, or mark the book finished",
  });

export const progressHistoryInput = meetingIdInput.extend({
  userId: z.uuid().optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.int().min(1).max(500).default(200),
});

/**
 * Whether `viewerId` may see a member's page: always their own, and anyone's
 * who races. A member reading without racing shows others "reading" only.
 */
export function revealsProgress(viewerId: string | null, member: { userId: string; racing: boolean }): boolean {
  return member.racing || member.userId === viewerId;
}

/** Join or leave the race of a meeting one attends. */
export const setRacingInput = meetingIdInput.extend({ racing: z.boolean() });
