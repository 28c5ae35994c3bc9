import { z } from "zod";
import { pageInput } from "../shared/pagination.js";
import { HANDOVER_STEPS, TRADE_COPIES_MAX, TRADE_MESSAGE_MAX } from "./constants.js";
import { tradeShapeProblem } from "./rules.js";

const copyIds = z.array(z.uuid("Unknown copy")).max(TRADE_COPIES_MAX, `At most ${TRADE_COPIES_MAX} copies a side`);

const tradeTerms = z.object({
  offeredCopyIds: copyIds,
  requestedCopyIds: copyIds.default([]),
  gift: z.boolean().default(false),
  message: z.string().trim().max(TRADE_MESSAGE_MAX, `At most ${TRADE_MESSAGE_MAX} characters`).default(""),
});

const shaped = <T extends z.ZodType<{ offeredCopyIds: string[]; requestedCopyIds: string[]; gift: boolean }>>(
  schema: T,
) =>
  schema.superRefine((value, context) => {
    const problem = tradeShapeProblem({
      offered: value.offeredCopyIds,
      requested: value.requestedCopyIds,
      gift: value.gift,
    });
    if (problem) context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

export const tradeIdInput = z.object({ tradeId: z.uuid("Unknown trade") });
export const proposeTradeInput = shaped(tradeTerms.extend({ toUserId: z.uuid("Unknown member") }));
/** A counter: the recipient's own terms, `offeredCopyIds` now being theirs. */
export const counterTradeInput = shaped(tradeTerms.extend(tradeIdInput.shape));
export const handoverInput = tradeIdInput.extend({ step: z.enum(HANDOVER_STEPS) });
export const tradesListInput = pageInput.extend({
  box: z.enum(["incoming", "outgoing", "history"]).default("incoming"),
});
export const blockMemberInput = z.object({ userId: z.uuid("Unknown member") });
export const tradeMatchesInput = pageInput;
