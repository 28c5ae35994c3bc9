/** Where a member stands with a catalog book. */
export const READING_STATUSES = ["want_to_read", "reading", "read", "did_not_finish"] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** How one read-through ended; an open read (still reading) has no outcome yet. */
export const READ_OUTCOMES = ["read", "did_not_finish"] as const;
export type ReadOutcome = (typeof READ_OUTCOMES)[number];

/** Who may see a shelf: everyone signed in, the owner's friends, or the owner alone. */
export const SHELF_VISIBILITIES = ["public", "friends", "private"] as const;
export type ShelfVisibility = (typeof SHELF_VISIBILITIES)[number];
/** Who sees a member's status lists until they choose: their friends. */
export const DEFAULT_STATUS_VISIBILITY: ShelfVisibility = "friends";

/** A physical copy's condition, best first (the booksellers' grades). */
export const COPY_CONDITIONS = ["as_new", "fine", "very_good", "good", "fair", "poor"] as const;
export type CopyCondition = (typeof COPY_CONDITIONS)[number];

/** What the owner means to do with a copy. */
export const COPY_AVAILABILITIES = ["keep", "open_to_trade", "open_to_lend"] as const;
export type CopyAvailability = (typeof COPY_AVAILABILITIES)[number];

/** Custom shelves a member may have, and the longest name. */
export const SHELVES_PER_MEMBER_MAX = 100;
export const SHELF_NAME_MAX = 60;
export const COPY_NOTES_MAX = 1000;
