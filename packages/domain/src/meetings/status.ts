/** The life of a meeting: scheduled → active → closed, or cancelled before it closes. */
export const MEETING_STATUSES = ["scheduled", "active", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A member's answer to a meeting. */
export const RSVP_STATUSES = ["going", "interested", "not_going"] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

const next: Record<MeetingStatus, readonly MeetingStatus[]> = {
  scheduled: ["active", "cancelled"],
  active: ["closed", "cancelled"],
  closed: [],
  cancelled: [],
};

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return next[from].includes(to);
}

/** The states a meeting may be in for `to` to be reached. */
export function sourcesOf(to: MeetingStatus): MeetingStatus[] {
  return MEETING_STATUSES.filter((from) => canTransition(from, to));
}

/** Members may answer an invitation to a meeting until it closes or is cancelled. */
export function acceptsRsvp(status: MeetingStatus): boolean {
  return status === "scheduled" || status === "active";
}

/** Details (book, time, place) can change only before the meeting starts. */
export function isEditable(status: MeetingStatus): boolean {
  return status === "scheduled";
}

/** Attendance is recorded once the meeting has started (and after it closed), never for a cancelled one. */
export function acceptsAttendance(status: MeetingStatus): boolean {
  return status === "active" || status === "closed";
}
