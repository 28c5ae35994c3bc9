import type { RouterOutputs } from "@booky/server";

export type ThreadListItem = RouterOutputs["discussions"]["threads"]["items"][number];
export type Thread = RouterOutputs["discussions"]["thread"];
export type Comment = RouterOutputs["discussions"]["comments"]["items"][number];
export type Spoiler = NonNullable<Thread["spoiler"]>;
export type Moderated = NonNullable<Thread["moderated"]>;
