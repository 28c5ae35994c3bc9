import { z } from "zod";
import { usernameSchema } from "../accounts/credentials.js";
import { clubIdInput } from "../clubs/schemas.js";
import { pageInput } from "../shared/pagination.js";

/** What a member may report: a thread, a comment, or a member of the club. */
export const REPORT_TARGETS = ["thread", "comment", "member"] as const;
export const REPORT_REASONS = ["spoiler", "harassment", "spam", "off_topic", "other"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;
/** The longest book a meeting may read (meetings_page_count_positive). */
export const SPOILER_PAGE_MAX = 100_000;

const title = z.string().trim().min(3, "Give the thread a title of at least 3 characters").max(TITLE_MAX);
const body = z.string().trim().min(1, "Write something").max(BODY_MAX, `At most ${BODY_MAX} characters`);
/** The page a text talks about; omitted: the author's own page in that meeting. */
const spoilerPage = z.int("A whole page number").min(1, "Pages start at 1").max(SPOILER_PAGE_MAX).nullish();

export const threadIdInput = clubIdInput.extend({ threadId: z.uuid("Unknown thread") });
export const commentIdInput = clubIdInput.extend({ commentId: z.uuid("Unknown comment") });

/** A club's general threads (no meeting) or one meeting's, latest activity first. */
export const listThreadsInput = clubIdInput.extend({
  ...pageInput.shape,
  meetingId: z.uuid("Unknown meeting").nullish(),
  /** Pinned threads only (shown above the list), or unpinned only. */
  pinned: z.boolean().optional(),
});

export const createThreadInput = clubIdInput.extend({
  meetingId: z.uuid("Unknown meeting").nullish(),
  title,
  body,
  page: spoilerPage,
});

export const editThreadInput = threadIdInput.extend({
  changes: z
    .object({ title, body, page: spoilerPage })
    .partial()
    .refine((value) => Object.keys(value).length > 0, "Change at least one field"),
});

export const listCommentsInput = threadIdInput.extend(pageInput.shape);

export const createCommentInput = threadIdInput.extend({
  /** The comment this one replies to: replies go one level deep. */
  parentId: z.uuid("Unknown comment").nullish(),
  body,
  page: spoilerPage,
});

export const editCommentInput = commentIdInput.extend({
  changes: z
    .object({ body, page: spoilerPage })
    .partial()
    .refine((value) => Object.keys(value).length > 0, "Change at least one field"),
});

export const setPinnedInput = threadIdInput.extend({ pinned: z.boolean() });
export const setLockedInput = threadIdInput.extend({ locked: z.boolean() });

/** An explicit reveal of one collapsed text. */
export const revealInput = clubIdInput.extend({
  kind: z.enum(["thread", "comment"]),
  id: z.uuid("Unknown text"),
});

export const reportInput = clubIdInput.extend({
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("thread"), id: z.uuid("Unknown thread") }),
    z.object({ kind: z.literal("comment"), id: z.uuid("Unknown comment") }),
    z.object({ kind: z.literal("member"), username: usernameSchema }),
  ]),
  reason: z.enum(REPORT_REASONS, "Pick a reason"),
  details: z.string().trim().max(2000, "At most 2000 characters").default(""),
});

export const previewInput = z.object({ body: z.string().max(BODY_MAX, `At most ${BODY_MAX} characters`) });
