import { bookReads, friendships, readerSettings, shelfEntries } from "@booky/db";
import { friendPair } from "@booky/domain";
import type { Scene, SceneUser } from "./authorization-fixture.js";
import { type Case, outcomes, personal, signedIn } from "./authorization-rows.js";
import { copyOf, shelfOf } from "./scene-objects.js";

const SIGNED_IN = ["outsider", "member", "clubAdmin", "owner", "siteAdmin"] as const;
const me = (scene: Scene, actor: SceneUser | null) => actor ?? scene.people.outsider;

async function readOf(scene: Scene, reader: SceneUser) {
  const [read] = await scene.db
    .insert(bookReads)
    .values({ userId: reader.id, bookId: scene.book.id, startedOn: "2026-01-01" })
    .returning({ id: bookReads.id });
  return read?.id ?? "";
}

const strangersShelf = { label: "someone else's shelf", prepare: (s: Scene) => shelfOf(s, s.people.stranger) };
const strangersCopy = { label: "someone else's copy", prepare: (s: Scene) => copyOf(s, s.people.stranger) };

async function befriendStranger(scene: Scene, actor: SceneUser) {
  await scene.db.insert(friendships).values(friendPair(actor.id, scene.people.stranger.id));
}

async function entryOf(scene: Scene, reader: SceneUser) {
  await scene.db.insert(shelfEntries).values({ userId: reader.id, bookId: scene.book.id, status: "want_to_read" });
}

/**
 * The shelves and copies procedures: everything is the caller's own, or
 * refused as unknown. A function, so it runs once authorization-rows.ts (which
 * spreads it into its rows) has defined the helpers it uses.
 */
export function shelvesRows(): Record<string, Case | Case[]> {
  const notFoundForAll = outcomes({ NOT_FOUND: [...SIGNED_IN] });
  return {
    "shelves.setStatus": personal(signedIn, (t, s) =>
      t.shelves.setStatus.mutate({ bookId: s.book.id, status: "reading" }),
    ),
    "shelves.removeStatus": personal(signedIn, { prepare: (s, actor) => entryOf(s, me(s, actor)) }, (t, s) =>
      t.shelves.removeStatus.mutate({ bookId: s.book.id }),
    ),
    "shelves.updateRead": [
      personal(signedIn, { prepare: (s, actor) => readOf(s, me(s, actor)) }, (t, _, readId) =>
        t.shelves.updateRead.mutate({ readId, startedOn: "2026-01-02", finishedOn: null }),
      ),
      personal(
        notFoundForAll,
        { label: "someone else's read", prepare: (s) => readOf(s, s.people.stranger) },
        (t, _, readId) => t.shelves.updateRead.mutate({ readId, startedOn: "2026-01-02", finishedOn: null }),
      ),
    ],
    "shelves.books": personal(signedIn, (t) => t.shelves.books.query({})),
    "shelves.memberBooks": [
      personal(
        signedIn,
        {
          label: "a public reader",
          prepare: async (s) => {
            await s.db.insert(readerSettings).values({ userId: s.people.stranger.id, statusVisibility: "public" });
          },
        },
        (t, s) => t.shelves.memberBooks.query({ userId: s.people.stranger.id }),
      ),
      personal(notFoundForAll, { label: "a reader sharing with friends only" }, (t, s) =>
        t.shelves.memberBooks.query({ userId: s.people.stranger.id }),
      ),
    ],
    "shelves.setStatusVisibility": personal(signedIn, (t) =>
      t.shelves.setStatusVisibility.mutate({ visibility: "public" }),
    ),
    "shelves.forBook": personal(signedIn, (t, s) => t.shelves.forBook.query({ bookId: s.book.id })),
    "shelves.create": personal(signedIn, (t) => t.shelves.create.mutate({ name: "Summer" })),
    "shelves.update": [
      personal(signedIn, { prepare: (s, actor) => shelfOf(s, me(s, actor)) }, (t, _, shelfId) =>
        t.shelves.update.mutate({ shelfId, changes: { visibility: "public" } }),
      ),
      personal(notFoundForAll, strangersShelf, (t, _, shelfId) =>
        t.shelves.update.mutate({ shelfId, changes: { visibility: "public" } }),
      ),
    ],
    "shelves.delete": [
      personal(signedIn, { prepare: (s, actor) => shelfOf(s, me(s, actor)) }, (t, _, shelfId) =>
        t.shelves.delete.mutate({ shelfId }),
      ),
      personal(notFoundForAll, strangersShelf, (t, _, shelfId) => t.shelves.delete.mutate({ shelfId })),
    ],
    "shelves.reorder": [
      personal(signedIn, { prepare: (s, actor) => shelfOf(s, me(s, actor)) }, (t, _, shelfId) =>
        t.shelves.reorder.mutate({ shelfIds: [shelfId] }),
      ),
      personal(outcomes({ BAD_REQUEST: SIGNED_IN }), strangersShelf, (t, _, shelfId) =>
        t.shelves.reorder.mutate({ shelfIds: [shelfId] }),
      ),
    ],
    "shelves.mine": personal(signedIn, (t) => t.shelves.mine.query({})),
    "shelves.ofMember": personal(signedIn, (t, s) => t.shelves.ofMember.query({ userId: s.people.stranger.id })),
    "shelves.contents": [
      personal(
        signedIn,
        { label: "a public shelf", prepare: (s) => shelfOf(s, s.people.stranger, "public") },
        (t, _, shelfId) => t.shelves.contents.query({ shelfId }),
      ),
      personal(
        notFoundForAll,
        { label: "someone else's private shelf", prepare: strangersShelf.prepare },
        (t, _, shelfId) => t.shelves.contents.query({ shelfId }),
      ),
    ],
    "shelves.addBook": [
      personal(signedIn, { prepare: (s, actor) => shelfOf(s, me(s, actor)) }, (t, s, shelfId) =>
        t.shelves.addBook.mutate({ shelfId, bookId: s.book.id }),
      ),
      personal(notFoundForAll, strangersShelf, (t, s, shelfId) =>
        t.shelves.addBook.mutate({ shelfId, bookId: s.book.id }),
      ),
    ],
    "shelves.removeBook": [
      personal(signedIn, { prepare: (s, actor) => shelfOf(s, me(s, actor)) }, async (t, s, shelfId) => {
        await t.shelves.addBook.mutate({ shelfId, bookId: s.book.id });
        return t.shelves.removeBook.mutate({ shelfId, bookId: s.book.id });
      }),
      personal(notFoundForAll, strangersShelf, (t, s, shelfId) =>
        t.shelves.removeBook.mutate({ shelfId, bookId: s.book.id }),
      ),
    ],

    "copies.add": personal(signedIn, (t, s) => t.copies.add.mutate({ bookId: s.book.id, condition: "fine" })),
    "copies.update": [
      personal(signedIn, { prepare: (s, actor) => copyOf(s, me(s, actor)) }, (t, _, copyId) =>
        t.copies.update.mutate({ copyId, changes: { availability: "open_to_trade" } }),
      ),
      personal(notFoundForAll, strangersCopy, (t, _, copyId) =>
        t.copies.update.mutate({ copyId, changes: { availability: "open_to_trade" } }),
      ),
    ],
    "copies.remove": [
      personal(signedIn, { prepare: (s, actor) => copyOf(s, me(s, actor)) }, (t, _, copyId) =>
        t.copies.remove.mutate({ copyId }),
      ),
      personal(notFoundForAll, strangersCopy, (t, _, copyId) => t.copies.remove.mutate({ copyId })),
    ],
    "copies.mine": personal(signedIn, (t) => t.copies.mine.query({})),
    "copies.ofBook": personal(signedIn, (t, s) => t.copies.ofBook.query({ bookId: s.book.id })),
    "copies.ofMember": [
      personal(signedIn, { label: "a friend's", prepare: (s, actor) => befriendStranger(s, me(s, actor)) }, (t, s) =>
        t.copies.ofMember.query({ userId: s.people.stranger.id }),
      ),
      personal(notFoundForAll, { label: "a stranger's" }, (t, s) =>
        t.copies.ofMember.query({ userId: s.people.stranger.id }),
      ),
    ],
    "copies.owners": personal(signedIn, (t, s) => t.copies.owners.query({ bookId: s.book.id })),
  };
}
