import { z } from "zod";
import { usernameSchema } from "../accounts/credentials.js";
import { pageInput } from "../shared/pagination.js";

/** A friendship is stored once per pair: the smaller id first. */
export function friendPair(one: string, other: string): { userA: string; userB: string } {
  return one < other ? { userA: one, userB: other } : { userA: other, userB: one };
}

export const friendRequestInput = z.object({ username: usernameSchema });
export const friendRequestIdInput = z.object({ requestId: z.uuid("Unknown request") });
export const friendUserInput = z.object({ userId: z.uuid("Unknown member") });
export const friendRequestsInput = pageInput.extend({
  /** Named `box`, not `direction`: tRPC's infinite queries put their own paging `direction` into the input. */
  box: z.enum(["incoming", "outgoing"]).default("incoming"),
});
export const friendsPageInput = pageInput;
