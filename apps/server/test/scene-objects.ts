import { copies, discussionThreads, importJobs, importRows, shelves, webhooks } from "@booky/db";
import type { CopyAvailability } from "@booky/domain";
import type { Scene, SceneUser } from "./authorization-fixture.js";

// Rows a call about one object needs, inserted straight into a scene's database (the procedures that make them
// are tested on their own): the authorization matrix's rows and the fuzz's cursor checks share them.

/** A shelf of `owner`'s (private unless said). */
export async function shelfOf(scene: Scene, owner: SceneUser, visibility: "public" | "private" = "private") {
  const [shelf] = await scene.db
    .insert(shelves)
    .values({ userId: owner.id, name: `Shelf ${crypto.randomUUID()}`, visibility, position: 1 })
    .returning({ id: shelves.id });
  return shelf?.id ?? "";
}

/** A copy of the scene's book that `owner` has, in good condition (kept unless said). */
export async function copyOf(scene: Scene, owner: SceneUser, availability: CopyAvailability = "keep") {
  const [copy] = await scene.db
    .insert(copies)
    .values({ ownerId: owner.id, bookId: scene.book.id, condition: "good", availability })
    .returning({ id: copies.id });
  return copy?.id ?? "";
}

/** A thread by `author` in the scene's club, about its meeting. */
export async function threadBy(scene: Scene, author: SceneUser) {
  const [thread] = await scene.db
    .insert(discussionThreads)
    .values({
      clubId: scene.club.id,
      meetingId: scene.meetingId,
      authorId: author.id,
      title: "A thread",
      body: "Text",
      bodyHtml: "<p>Text</p>",
      excerpt: "Text",
    })
    .returning({ id: discussionThreads.id });
  return thread?.id ?? "";
}

/** A finished import of `owner`'s with one failed row. */
export async function importOf(scene: Scene, owner: SceneUser) {
  const [job] = await scene.db
    .insert(importJobs)
    .values({
      userId: owner.id,
      source: "goodreads",
      fileName: "x.csv",
      totalRows: 1,
      doneRows: 1,
      failed: 1,
      status: "done",
    })
    .returning({ id: importJobs.id });
  const [row] = await scene.db
    .insert(importRows)
    .values({ jobId: job?.id ?? "", rowNumber: 1, status: "failed", reason: "The row has no title" })
    .returning({ id: importRows.id });
  return { importId: job?.id ?? "", rowId: row?.id ?? "" };
}

/** A webhook of a club (the scene's unless said). */
export async function webhookOf(scene: Scene, clubId = scene.club.id) {
  const [hook] = await scene.db
    .insert(webhooks)
    .values({ clubId, url: "https://hooks.example.com/booky", events: ["meeting.scheduled"], secret: "whsec_AAAA" })
    .returning({ id: webhooks.id });
  if (!hook) throw new Error("webhook insert returned nothing");
  return hook.id;
}
