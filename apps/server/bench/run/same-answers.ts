import superjson from "superjson";
import type { Fixtures } from "./fixtures.js";

/** JSON with keys in one order, so two answers compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * The floor must do the same work as the procedure it stands beside: its
 * `meetings.get` answer has to be Booky's, field for field, or the run stops.
 */
export async function assertSameAnswers(bookyUrl: string, floorUrl: string, fixtures: Fixtures, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const input = encodeURIComponent(JSON.stringify({ json: { meetingId: fixtures.meetingId } }));
  const booky = (await (await fetch(`${bookyUrl}/trpc/meetings.get?input=${input}`, { headers })).json()) as {
    result: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  const floor = await (await fetch(`${floorUrl}/meetings.get?meetingId=${fixtures.meetingId}`, { headers })).json();
  const fromBooky = canonical(superjson.deserialize(booky.result.data));
  const fromFloor = canonical(floor);
  if (fromBooky !== fromFloor) {
    throw new Error(`the floor's meetings.get answers differently:\n booky ${fromBooky}\n floor ${fromFloor}`);
  }
}
