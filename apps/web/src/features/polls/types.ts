import type { RouterOutputs } from "@booky/server";

export type Proposal = RouterOutputs["polls"]["proposals"]["items"][number];
export type PollSummary = RouterOutputs["polls"]["list"]["items"][number];
export type Poll = RouterOutputs["polls"]["get"];
export type PollOption = Poll["options"][number];
export type Tally = NonNullable<Poll["results"]>;
