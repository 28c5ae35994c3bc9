import { percentRead } from "@booky/domain";
import type { RouterOutputs } from "@booky/server";
import type { InfiniteData } from "@tanstack/react-query";

type Meeting = RouterOutputs["meetings"]["get"];
type RsvpStatus = keyof Meeting["rsvpCounts"];
type Mine = RouterOutputs["progress"]["get"];
type Board = RouterOutputs["progress"]["forMeeting"];

/** The meeting as it will be once the member's answer is saved: their answer and the counts moved. */
export function withAnswer(meeting: Meeting, status: RsvpStatus, racing?: boolean): Meeting {
  const counts = { ...meeting.rsvpCounts };
  const before = meeting.myRsvp?.status;
  if (before) counts[before] -= 1;
  counts[status] += 1;
  const myRsvp = {
    status,
    attended: meeting.myRsvp?.attended ?? null,
    racing: racing ?? meeting.myRsvp?.racing ?? true,
  };
  return { ...meeting, rsvpCounts: counts, myRsvp };
}

/** The page a progress update will save: the last page when the member says they finished. */
export function pageAfter(update: { page?: number | undefined; finished?: boolean | undefined }, pageCount: number) {
  return update.finished ? pageCount : (update.page ?? 0);
}

/** The member's own progress as the update will leave it (the version stays until the server answers). */
export function withPage(mine: Mine, page: number, pageCount: number): Mine {
  return { ...mine, page, percent: percentRead(page, pageCount), finished: page >= pageCount };
}

/** The race board with the member's bar moved to `page`. */
export function boardWithPage(board: InfiniteData<Board>, userId: string, page: number): InfiniteData<Board> {
  return {
    ...board,
    pages: board.pages.map((one) => ({
      ...one,
      items: one.items.map((row) =>
        row.user.id === userId
          ? {
              ...row,
              page,
              percent: percentRead(page, one.bookPageCount),
              finished: row.finished || page >= one.bookPageCount,
            }
          : row,
      ),
    })),
  };
}
