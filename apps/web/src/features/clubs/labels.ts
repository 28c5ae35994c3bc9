import type { CLUB_CATEGORIES } from "@booky/domain";

export const categoryLabels: Record<(typeof CLUB_CATEGORIES)[number], string> = {
  fiction: "Fiction",
  non_fiction: "Non-fiction",
  classics: "Classics",
  mystery: "Mystery",
  sci_fi_fantasy: "Sci-fi & fantasy",
  romance: "Romance",
  history: "History",
  science: "Science",
  poetry: "Poetry",
  young_adult: "Young adult",
  other: "Other",
};
