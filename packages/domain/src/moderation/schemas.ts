import { z } from "zod";
import { SITE_ROLES } from "../clubs/roles.js";
import { clubIdInput } from "../clubs/schemas.js";
import { text, timestamp } from "../shared/inputs.js";
import { pageInput } from "../shared/pagination.js";
import { AUDIT_KINDS, CASE_ACTIONS, CASE_STATUSES, SANCTION_DAYS_MAX } from "./actions.js";

const reason = text().min(3, "Say why in at least 3 characters").max(1000, "At most 1000 characters");
const days = z.int("Whole days").min(1, "At least a day").max(SANCTION_DAYS_MAX, `At most ${SANCTION_DAYS_MAX} days`);

export const caseIdInput = z.object({ caseId: z.uuid("Unknown case") });
export const userIdInput = z.object({ userId: z.uuid("Unknown member") });

/** The queue: open cases (what needs a look) or resolved ones, newest report first. */
export const queueFilter = pageInput.extend({ status: z.enum(CASE_STATUSES, "Pick a status").default("open") });
export const clubQueueInput = clubIdInput.extend(queueFilter.shape);
export const siteQueueInput = queueFilter.extend({ clubId: z.uuid("Unknown club").nullish() });

/** A moderator's action on a case: every action gives a reason; a mute or suspension lasts `days`. */
export const actInput = caseIdInput
  .extend({ action: z.enum(CASE_ACTIONS, "Pick an action"), reason, days: days.nullish() })
  .refine((input) => !["mute", "suspend"].includes(input.action) || input.days, {
    path: ["days"],
    message: "Say for how many days",
  });
export const clubActInput = clubIdInput.extend(caseIdInput.shape).and(actInput);

export const restoreContentInput = clubIdInput.extend({
  kind: z.enum(["thread", "comment"]),
  id: z.uuid("Unknown text"),
  reason,
});
export const unmuteInput = clubIdInput.extend({ userId: z.uuid("Unknown member"), reason });

export const suspendInput = userIdInput
  .extend({
    kind: z.enum(["suspended", "banned"]),
    reason,
    days: days.nullish(),
  })
  .refine((input) => input.kind === "banned" || input.days, { path: ["days"], message: "Say for how many days" });
export const restoreAccountInput = userIdInput.extend({ reason });
export const setSiteRoleInput = userIdInput.extend({ role: z.enum(SITE_ROLES, "Pick a role"), reason });
export const clubArchiveInput = clubIdInput.extend({ archived: z.boolean(), reason });

/** The audit log's filters: who acted, on whom, what kind, between which dates. */
export const auditFilter = pageInput.extend({
  actorId: z.uuid("Unknown member").nullish(),
  targetUserId: z.uuid("Unknown member").nullish(),
  kind: z.enum(AUDIT_KINDS, "Unknown kind").nullish(),
  from: timestamp().nullish(),
  to: timestamp().nullish(),
});
export const siteAuditInput = auditFilter.extend({ clubId: z.uuid("Unknown club").nullish() });
export const clubAuditInput = clubIdInput.extend(auditFilter.shape);

export const memberSearchInput = pageInput.extend({ query: text().max(100, "At most 100 characters").default("") });
