import { friendships } from "@booky/db";
import { friendPair } from "@booky/domain";
import { catalogBook } from "./catalog.js";
import { signedUpClient, type TestServer } from "./harness.js";

export type Reader = Awaited<ReturnType<typeof signedUpClient>>;

/** Two members made friends directly (friend requests are tested elsewhere). */
export async function befriend(server: TestServer, one: Reader, other: Reader) {
  await server.db.insert(friendships).values(friendPair(one.user.id, other.user.id)).onConflictDoNothing();
}

/** A public club of `owner` that each of `others` joins: club-mates. */
export async function shareClub(owner: Reader, ...others: Reader[]) {
  const club = await owner.client.trpc.clubs.create.mutate({
    name: `Club ${crypto.randomUUID().slice(0, 8)}`,
    category: "fiction",
    isOnline: true,
  });
  for (const other of others) await other.client.trpc.clubs.join.mutate({ clubId: club.id });
  return club;
}

/** A copy of a new catalog book (or of `bookId`), owned by `owner`. */
export async function copyOf(
  server: TestServer,
  owner: Reader,
  details: { bookId?: string; title?: string; availability?: "keep" | "open_to_trade" | "open_to_lend" } = {},
) {
  const bookId = details.bookId ?? (await catalogBook(server, { title: details.title })).id;
  const copy = await owner.client.trpc.copies.add.mutate({
    bookId,
    condition: "very_good",
    availability: details.availability ?? "open_to_trade",
  });
  if (!copy) throw new Error("no copy");
  return copy;
}

export async function readers(server: TestServer, count: number): Promise<Reader[]> {
  const made: Reader[] = [];
  for (let i = 0; i < count; i++) made.push(await signedUpClient(server));
  return made;
}
