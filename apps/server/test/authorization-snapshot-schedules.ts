import {
  asc,
  type Database,
  inArray,
  meetingDatePolls,
  meetings,
  meetingTimeMarks,
  meetingTimeOptions,
  readingMilestones,
} from "@booky/db";

/** The scene's clubs' reading schedules and date polls, and their people's marks, for the "refused changes nothing" snapshot. */
export function schedulesSnapshot(db: Database, userIds: string[], clubIds: string[]) {
  const clubMeetings = db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.clubId, clubIds));
  return [
    db
      .select()
      .from(readingMilestones)
      .where(inArray(readingMilestones.meetingId, clubMeetings))
      .orderBy(asc(readingMilestones.id)),
    db
      .select()
      .from(meetingDatePolls)
      .where(inArray(meetingDatePolls.meetingId, clubMeetings))
      .orderBy(asc(meetingDatePolls.meetingId)),
    db
      .select()
      .from(meetingTimeOptions)
      .where(inArray(meetingTimeOptions.meetingId, clubMeetings))
      .orderBy(asc(meetingTimeOptions.id)),
    db
      .select()
      .from(meetingTimeMarks)
      .where(inArray(meetingTimeMarks.userId, userIds))
      .orderBy(asc(meetingTimeMarks.optionId), asc(meetingTimeMarks.userId)),
  ];
}
