/** A pending proposal nobody decided expires after this many days. */
export const TRADE_EXPIRY_DAYS = 14;
/** The most copies one side of a trade may hold. */
export const TRADE_COPIES_MAX = 20;
export const TRADE_MESSAGE_MAX = 1000;

/** Which side of a proposal a copy is on: offered by the proposer, or requested from the recipient. */
export const TRADE_SIDES = ["offered", "requested"] as const;
export type TradeSide = (typeof TRADE_SIDES)[number];

/** The physical hand-over of one copy after a trade is fulfilled. */
export const HANDOVER_STEPS = ["sent", "received"] as const;
export type HandoverStep = (typeof HANDOVER_STEPS)[number];
