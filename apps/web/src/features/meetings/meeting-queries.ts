import type { AppRouter } from "@booky/server";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { sessionStore } from "../../lib/session-store";
import { queryClient, trpcOptions } from "../../lib/trpc";
import { LIVE_REFRESH_MS } from "./live";

/** What the meeting page reads, as query options: the page and its route loader ask for the very same queries. */
export function meetingQueries(trpc: TRPCOptionsProxy<AppRouter>, meetingId: string) {
  return {
    // Others answer and read while the page is open: ask again every few seconds.
    meeting: { ...trpc.meetings.get.queryOptions({ meetingId }), refetchInterval: LIVE_REFRESH_MS },
    board: {
      ...trpc.progress.forMeeting.infiniteQueryOptions(
        { meetingId, limit: 50 },
        { getNextPageParam: (page) => page.nextCursor },
      ),
      refetchInterval: LIVE_REFRESH_MS,
    },
    schedule: { ...trpc.schedules.get.queryOptions({ meetingId }), refetchInterval: LIVE_REFRESH_MS },
    datePoll: trpc.datePolls.get.queryOptions({ meetingId }),
    club: (clubId: string) => trpc.clubs.get.queryOptions({ clubId }),
  };
}

/**
 * The meeting page's route loader: starts its reads while the page's code
 * loads, the meeting, race board, schedule and date poll in one batch (the club as soon
 * as the meeting names it), without holding the navigation up. The page's
 * own queries then find them in the cache, or in flight.
 */
export async function prefetchMeetingPage(meetingId: string): Promise<void> {
  if ((await sessionStore.settled()).status !== "authenticated") return;
  const queries = meetingQueries(trpcOptions, meetingId);
  void queryClient.prefetchInfiniteQuery(queries.board);
  void queryClient.prefetchQuery(queries.schedule);
  void queryClient.prefetchQuery(queries.datePoll);
  const meeting = await queryClient.fetchQuery(queries.meeting).catch(() => null);
  if (meeting) void queryClient.prefetchQuery(queries.club(meeting.clubId));
}
