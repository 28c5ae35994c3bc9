import type { NotificationKind } from "./kinds.js";

/** What a notification is about, as the sentence needs it (names, not ids). */
export interface NotificationFacts {
  kind: NotificationKind;
  actor: { displayName: string } | null;
  club: { name: string } | null;
  meeting: { bookTitle: string } | null;
  threadTitle: string | null;
  data: Record<string, string | number | null>;
}

const someone = (facts: NotificationFacts) => facts.actor?.displayName ?? "Someone";
const theClub = (facts: NotificationFacts) => facts.club?.name ?? "a club";
const theBook = (facts: NotificationFacts) => facts.meeting?.bookTitle ?? "a book";
/** A collapsed (spoiler) or deleted thread title is not repeated. */
const theThread = (facts: NotificationFacts) => (facts.threadTitle ? `“${facts.threadTitle}”` : "a thread");

const theTitle = (facts: NotificationFacts) => (facts.data.bookTitle ? `“${facts.data.bookTitle}”` : "a book");
const books = (count: number) => (count === 1 ? "1 book" : `${count} books`);
/** A trade's terms from the proposer's side: what they give for what they ask. */
const copiesFor = (facts: NotificationFacts) => {
  const offered = Number(facts.data.offered ?? 0);
  const requested = Number(facts.data.requested ?? 0);
  return requested === 0 ? `${books(offered)} as a gift` : `${books(offered)} for ${books(requested)}`;
};

/** One sentence per notification, the same in the app, in e-mails and in digests. */
export function notificationSentence(facts: NotificationFacts): string {
  switch (facts.kind) {
    case "friend_request":
      return `${someone(facts)} wants to be your friend`;
    case "friend_accepted":
      return `${someone(facts)} accepted your friend request`;
    case "club_invitation":
      return `${someone(facts)} invited you to join ${theClub(facts)}`;
    case "join_request":
      return `${someone(facts)} asked to join ${theClub(facts)}`;
    case "join_decision":
      return facts.data.decision === "accepted"
        ? `You are now a member of ${theClub(facts)}`
        : `Your request to join ${theClub(facts)} was declined`;
    case "meeting_scheduled":
      return `${theClub(facts)} scheduled a meeting about ${theBook(facts)}`;
    case "meeting_started":
      return `The meeting about ${theBook(facts)} in ${theClub(facts)} has started`;
    case "meeting_closed":
      return `The meeting about ${theBook(facts)} in ${theClub(facts)} is closed`;
    case "bet_settled": {
      const amount = Number(facts.data.amount ?? 0);
      if (facts.data.outcome === "won") return `Your bet on ${theBook(facts)} won ${amount} points`;
      if (facts.data.outcome === "refunded") return `Your bet on ${theBook(facts)} was refunded: ${amount} points`;
      return `Your bet of ${Number(facts.data.stake ?? 0)} points on ${theBook(facts)} lost`;
    }
    case "reply":
      return `${someone(facts)} replied in ${theThread(facts)}`;
    case "mention":
      return `${someone(facts)} mentioned you in ${theThread(facts)}`;
    case "meeting_reminder":
      return `Tomorrow: the meeting about ${theBook(facts)} in ${theClub(facts)}`;
    case "friend_finished":
      return `${someone(facts)} finished ${theTitle(facts)}`;
    case "trade_proposed":
      return `${someone(facts)} proposes a trade: ${copiesFor(facts)}`;
    case "trade_accepted":
      return `${someone(facts)} accepted your trade: ${copiesFor(facts)}`;
    case "trade_declined":
      return `${someone(facts)} declined your trade: ${copiesFor(facts)}`;
    case "trade_countered":
      return `${someone(facts)} answered your trade with a counter-proposal: ${copiesFor(facts)}`;
    case "trade_expired":
      return `Your trade with ${someone(facts)} expired unanswered: ${copiesFor(facts)}`;
    case "loan_due":
      return facts.data.when === "overdue"
        ? `${theTitle(facts)} was due back on ${String(facts.data.dueOn ?? "")}`
        : `${theTitle(facts)} is due back on ${String(facts.data.dueOn ?? "")}`;
    case "loan_returned":
      return `${someone(facts)} confirmed the return of ${theTitle(facts)}`;
    case "moderation":
      return moderationSentence(facts);
    case "milestone_reminder":
      return `By ${String(facts.data.dueOn ?? "")}: page ${Number(facts.data.untilPage ?? 0)} of ${theBook(facts)} in ${theClub(facts)} — you are behind`;
    case "poll_opened":
      return `${theClub(facts)} is voting on its next book until ${String(facts.data.closesOn ?? "")}`;
    case "poll_closed":
      return facts.data.winner
        ? `${theClub(facts)}'s poll has closed: “${facts.data.winner}” won`
        : `${theClub(facts)}'s poll has closed without a winner`;
    case "date_poll_opened":
      return `${theClub(facts)} asks when to meet about ${theBook(facts)}: mark the times that suit you`;
    case "meeting_time_picked":
      return `The meeting about ${theBook(facts)} in ${theClub(facts)} is set for ${String(facts.data.startsAt ?? "")}`;
    case "report_resolved":
      return facts.data.action === "dismiss"
        ? `The moderators of ${theClub(facts)} looked at your report and took no action`
        : `The moderators of ${theClub(facts)} acted on your report`;
    case "webhook_disabled":
      return `A webhook of ${theClub(facts)} failed ${Number(facts.data.failures ?? 0)} times in a row and was turned off`;
  }
}

/** What a member reads instead of a collapsed text. */
export function spoilerNotice(spoiler: { reason: "ahead" | "not_reading"; page: number; readerPage?: number }): string {
  return spoiler.reason === "ahead"
    ? `About page ${spoiler.page} — you are on page ${spoiler.readerPage ?? 0}`
    : `About page ${spoiler.page} — you are not reading this meeting's book`;
}

/** What a moderator's action tells the member it falls on: what, why, until when, and how to appeal. */
function moderationSentence(facts: NotificationFacts): string {
  const why = facts.data.reason ? ` Reason: ${facts.data.reason}.` : "";
  const until = facts.data.endsAt ? ` until ${String(facts.data.endsAt)}` : "";
  const appeal = " To appeal, reply to this message's e-mail or write to the site's support address.";
  switch (facts.data.action) {
    case "remove_content":
      return `The moderators of ${theClub(facts)} removed your text.${why}${appeal}`;
    case "restore_content":
      return `The moderators of ${theClub(facts)} restored your text.${why}`;
    case "warn":
      return `The moderators of ${theClub(facts)} warned you.${why}`;
    case "mute":
      return `You are muted in ${theClub(facts)}${until}.${why}${appeal}`;
    case "unmute":
      return `You can post in ${theClub(facts)} again.${why}`;
    case "remove_from_club":
      return `You were removed from ${theClub(facts)}.${why}${appeal}`;
    case "suspend":
      return `Your account is suspended${until}.${why}${appeal}`;
    case "ban":
      return `Your account is banned.${why}${appeal}`;
    case "restore_account":
      return `Your account is restored.${why}`;
    default:
      return `The moderators acted on your account.${why}`;
  }
}
