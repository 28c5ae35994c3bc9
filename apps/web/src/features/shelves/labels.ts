import type { CopyAvailability, CopyCondition, ReadingStatus, ShelfVisibility } from "@booky/domain";

export const statusLabel: Record<ReadingStatus, string> = {
  want_to_read: "Want to read",
  reading: "Reading",
  read: "Read",
  did_not_finish: "Did not finish",
};

/** Who sees a shelf, in the owner's words. */
export const visibilityLabel: Record<ShelfVisibility, string> = {
  public: "Public",
  friends: "Friends only",
  private: "Private",
};

export const conditionLabel: Record<CopyCondition, string> = {
  as_new: "As new",
  fine: "Fine",
  very_good: "Very good",
  good: "Good",
  fair: "Fair",
  poor: "Poor",
};

export const availabilityLabel: Record<CopyAvailability, string> = {
  keep: "Keeping",
  open_to_trade: "Open to trade",
  open_to_lend: "Open to lend",
};

/** "4.5 ★" from half stars (the reviews domain's unit). */
export const starsOf = (halves: number | null) => (halves ? `${halves / 2} ★` : null);
