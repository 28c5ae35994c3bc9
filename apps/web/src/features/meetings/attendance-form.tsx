import { POINTS } from "@booky/domain";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert, Button, EmptyState, LoadMore, Skeleton } from "../../components/ui";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/**
 * The admin's checklist of who came, from the members who answered "Going"
 * (everyone ticked to start with). Saving earns each one present the
 * attendance reward, once.
 */
export function AttendanceForm({ meetingId }: { meetingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The same list (and cache entry) as the race board on this page.
  const attendees = useInfiniteQuery(
    trpc.progress.forMeeting.infiniteQueryOptions(
      { meetingId, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  const record = useMutation(
    trpc.meetings.recordAttendance.mutationOptions({
      onSuccess: () =>
        Promise.all(
          [trpc.points.pathKey(), trpc.leaderboards.pathKey(), trpc.meetings.pathKey()].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        ),
    }),
  );
  const saved = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (record.isSuccess) saved.current?.focus();
  }, [record.isSuccess]);

  if (attendees.isPending) return <Skeleton className="h-24" />;
  if (attendees.isError) return <Alert>{errorMessage(attendees.error)}</Alert>;
  const people = attendees.data.pages.flatMap((page) => page.items.map((row) => row.user));
  if (people.length === 0) return <EmptyState>Nobody answered “Going”, so there is no one to mark.</EmptyState>;

  const toggle = (userId: string, came: boolean) =>
    setAbsent((current) => {
      const next = new Set(current);
      if (came) next.delete(userId);
      else next.add(userId);
      return next;
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      meetingId,
      attendance: people.map((user) => ({ userId: user.id, attended: !absent.has(user.id) })),
    });
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-semibold">Who came?</legend>
        {people.map((user) => (
          <label key={user.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={!absent.has(user.id)}
              onChange={(event) => toggle(user.id, event.target.checked)}
            />
            {user.displayName}
          </label>
        ))}
      </fieldset>
      <LoadMore query={attendees} label="Show more attendees" />
      <div>
        <Button type="submit" busy={record.isPending}>
          Save attendance
        </Button>
      </div>
      {record.isError && <Alert>{errorMessage(record.error)}</Alert>}
      {record.isSuccess && (
        <Alert tone="success">
          <p ref={saved} tabIndex={-1}>
            Attendance saved: {record.variables.attendance.filter((row) => row.attended).length} of{" "}
            {record.variables.attendance.length} came.
            {record.data.rewarded > 0 &&
              ` ${record.data.rewarded} earned the attendance reward (+${POINTS.attendanceReward} points).`}
          </p>
        </Alert>
      )}
    </form>
  );
}
