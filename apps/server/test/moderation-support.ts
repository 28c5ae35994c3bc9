import { eq, users } from "@booky/db";
import { bookClub } from "./discussions-support.js";
import { signedUpClient, type TestServer } from "./harness.js";

/**
 * A book club with a thread by `ahead` and a comment on it by `behind`; the
 * host (owner) made `finisher` a club admin; `siteAdmin` belongs to no club.
 */
export async function moderatedClub(server: TestServer, visibility: "public" | "private" = "public") {
  const club = await bookClub(server, visibility);
  const { clubId, host, ahead, behind, finisher } = club;
  await host.client.trpc.clubs.setRole.mutate({ clubId, userId: finisher.user.id, role: "admin" });
  const thread = await ahead.client.trpc.discussions.createThread.mutate({
    clubId,
    title: "First impressions",
    body: "A fine start.",
  });
  const comment = await behind.client.trpc.discussions.comment.mutate({
    clubId,
    threadId: thread.id,
    body: "You are all idiots.",
  });
  const siteAdmin = await siteAdminClient(server);
  return { ...club, admin: finisher, thread, comment, siteAdmin };
}

/** A new member made site admin (the role is read with the session on every call). */
export async function siteAdminClient(server: TestServer) {
  const admin = await signedUpClient(server);
  await server.db.update(users).set({ role: "admin" }).where(eq(users.id, admin.user.id));
  return admin;
}

/** The club's open case about a comment (after a report of it). */
export async function caseOfComment(club: Awaited<ReturnType<typeof moderatedClub>>) {
  const queue = await club.admin.client.trpc.moderation.queue.query({ clubId: club.clubId });
  const found = queue.items.find((item) => item.commentId === club.comment.id);
  if (!found) throw new Error("no open case for the comment");
  return found;
}
