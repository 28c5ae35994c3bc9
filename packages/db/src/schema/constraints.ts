/**
 * Names of the constraints whose violations Booky explains to a user. The
 * schema declares them with these names and the server's error mapping keys
 * its messages on them; a test checks each one exists in the migrated database.
 */
export const constraint = {
  usersEmailLower: "users_email_lower_key",
  usersUsernameLower: "users_username_lower_key",
  clubsMemberCountWithinLimit: "clubs_member_count_within_limit",
  clubsPlaceGiven: "clubs_place_given",
  clubMembersPk: "club_members_club_id_user_id_pk",
  clubRequestsOnePending: "club_requests_one_pending_key",
  friendRequestsOnePendingPair: "friend_requests_one_pending_pair_key",
  betsOnePerMeeting: "bets_one_per_meeting_idx",
  pointBalancesNonNegative: "point_balances_non_negative",
  ratingsHalvesRange: "ratings_halves_range",
  ratingsReadDatesOrdered: "ratings_read_dates_ordered",
  bookReadsOneOpen: "book_reads_one_open_key",
  bookReadsDatesOrdered: "book_reads_dates_ordered",
  shelvesNamePerMember: "shelves_name_per_member_key",
  tradeItemsCopyReserved: "trade_items_copy_reserved_key",
  loansOneActivePerCopy: "loans_one_active_per_copy_key",
  bookProposalsOnePerClub: "book_proposals_one_per_club_key",
  moderationCasesOneOpen: "moderation_cases_one_open_key",
} as const;

export type ConstraintName = (typeof constraint)[keyof typeof constraint];
