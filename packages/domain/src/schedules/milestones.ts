import { z } from "zod";
import { meetingIdInput } from "../meetings/schemas.js";
import { timestamp } from "../shared/inputs.js";

export const MILESTONES_MAX = 20;
export const READING_STANDINGS = ["ahead", "on_track", "behind"] as const;
export type ReadingStanding = (typeof READING_STANDINGS)[number];

export interface Milestone {
  untilPage: number;
  dueAt: Date;
}

const milestone = z.object({
  untilPage: z.int("A whole page number").min(1, "Pages start at 1").max(100_000),
  dueAt: timestamp(),
});

/** A meeting's schedule: milestones in reading order, pages and dates both strictly increasing. */
export const setScheduleInput = meetingIdInput.extend({
  milestones: z
    .array(milestone)
    .max(MILESTONES_MAX, `At most ${MILESTONES_MAX} milestones`)
    .refine(
      (list) =>
        list.every(
          (m, i) =>
            i === 0 ||
            (m.untilPage > (list[i - 1] as Milestone).untilPage && m.dueAt > (list[i - 1] as Milestone).dueAt),
        ),
      "Each milestone ends further in the book, and later, than the one before",
    ),
});

/** What a schedule may not be for a book of `pageCount` pages read by `deadline`; null when it fits. */
export function scheduleProblem(milestones: readonly Milestone[], pageCount: number, deadline: Date): string | null {
  if (milestones.some((m) => m.untilPage > pageCount)) return `This book has ${pageCount} pages`;
  if (milestones.some((m) => m.dueAt > deadline)) return "Every milestone falls on or before the reading deadline";
  return null;
}

/**
 * Where a reader stands against a schedule at `now`: behind when short of the
 * last milestone due, ahead when already past the next one's end (or finished
 * with milestones still to come), else on track. No schedule: on track.
 */
export function readingStanding(page: number, milestones: readonly Milestone[], now: Date): ReadingStanding {
  const due = milestones.filter((m) => m.dueAt <= now);
  const expected = due.length > 0 ? Math.max(...due.map((m) => m.untilPage)) : 0;
  if (page < expected) return "behind";
  const next = milestones.filter((m) => m.dueAt > now).sort((x, y) => x.untilPage - y.untilPage)[0];
  return next !== undefined && page >= next.untilPage ? "ahead" : "on_track";
}

/** A reader behind a milestone is reminded this long before its date (as members are before a meeting). */
export const MILESTONE_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** The milestones whose date falls within `withinMs` after `now`, which a reader on `page` has not reached. */
export function milestonesToRemind(page: number, milestones: readonly Milestone[], now: Date, withinMs: number) {
  return milestones.filter((m) => m.dueAt > now && m.dueAt.getTime() - now.getTime() <= withinMs && page < m.untilPage);
}

export const milestoneIdInput = meetingIdInput.extend({ milestoneId: z.uuid("Unknown milestone") });
