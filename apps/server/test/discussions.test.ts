import { discussionReports, discussionThreads, eq } from "@booky/db";
import { describe, expect, it } from "vitest";
import { bookClub } from "./discussions-support.js";
import { rejectionOf, startTestServer } from "./harness.js";

const server = await startTestServer();
const codeOf = async (call: Promise<unknown>) => (await rejectionOf(call)).data?.code;
const fieldsOf = async (call: Promise<unknown>) =>
  Object.keys((await rejectionOf(call)).data?.zodError?.fieldErrors ?? {});

describe("threads", () => {
  it("opens a general thread and a meeting thread, each listed in its own place, latest activity first", async () => {
    const { clubId, meetingId, host, ahead } = await bookClub(server);
    const general = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Welcome, readers",
      body: "Say **hello**.",
    });
    expect(general.page).toBeNull();
    const first = await ahead.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "Chapter one",
      body: "The opening is slow.",
    });
    // Untagged by default: never the author's own page (which would say how far they are).
    expect(first.page).toBeNull();
    const second = await ahead.client.trpc.discussions.createThread.mutate({
      clubId,
      meetingId,
      title: "The map",
      body: "Where is the lighthouse?",
      page: 12,
    });
    expect(second.page).toBe(12);

    const generalList = await ahead.client.trpc.discussions.threads.query({ clubId });
    expect(generalList.items.map((thread) => thread.id)).toEqual([general.id]);
    expect(generalList.items[0]).toMatchObject({
      unread: true,
      text: { title: "Welcome, readers", excerpt: "Say hello." },
    });

    const meetingList = await host.client.trpc.discussions.threads.query({ clubId, meetingId, limit: 1 });
    expect(meetingList.items.map((thread) => thread.id)).toEqual([second.id]);
    const next = await host.client.trpc.discussions.threads.query({
      clubId,
      meetingId,
      cursor: meetingList.nextCursor,
    });
    expect(next.items.map((thread) => thread.id)).toEqual([first.id]);
    expect(next.nextCursor).toBeNull();

    // A comment moves the older thread to the top.
    await host.client.trpc.discussions.comment.mutate({ clubId, threadId: first.id, body: "Agreed.", page: 1 });
    const reordered = await host.client.trpc.discussions.threads.query({ clubId, meetingId });
    expect(reordered.items.map((thread) => [thread.id, thread.commentCount])).toEqual([
      [first.id, 1],
      [second.id, 0],
    ]);
  });

  it("flags a thread unread until the member reads it, and again after new activity", async () => {
    const { clubId, host, behind } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "News",
      body: "x",
    });
    const unread = async () => (await behind.client.trpc.discussions.threads.query({ clubId })).items[0]?.unread;
    expect(await unread()).toBe(true);
    expect((await host.client.trpc.discussions.threads.query({ clubId })).items[0]?.unread).toBe(false);
    await behind.client.trpc.discussions.markRead.mutate({ clubId, threadId });
    expect(await unread()).toBe(false);
    await host.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "More news" });
    expect(await unread()).toBe(true);
  });

  it("lets its author edit (marked edited) and delete; others may not; club admins may delete", async () => {
    const { clubId, host, ahead, behind } = await bookClub(server);
    const { id: threadId } = await ahead.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Mine",
      body: "v1",
    });
    expect(
      await codeOf(behind.client.trpc.discussions.editThread.mutate({ clubId, threadId, changes: { body: "hijack" } })),
    ).toBe("FORBIDDEN");
    expect(await codeOf(behind.client.trpc.discussions.deleteThread.mutate({ clubId, threadId }))).toBe("FORBIDDEN");
    const edited = await ahead.client.trpc.discussions.editThread.mutate({ clubId, threadId, changes: { body: "v2" } });
    expect(edited.editedAt).toBeInstanceOf(Date);
    const shown = await behind.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(shown).toMatchObject({ editedAt: edited.editedAt, text: { html: "<p>v2</p>\n", source: null } });
    expect((await ahead.client.trpc.discussions.thread.query({ clubId, threadId })).text?.source).toBe("v2");

    await host.client.trpc.discussions.deleteThread.mutate({ clubId, threadId });
    const gone = await behind.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(gone).toMatchObject({ deleted: true, text: null });
    const [row] = await server.db.select().from(discussionThreads).where(eq(discussionThreads.id, threadId));
    expect(row).toMatchObject({ body: "", bodyHtml: "", title: "" });
    expect(
      await codeOf(ahead.client.trpc.discussions.editThread.mutate({ clubId, threadId, changes: { body: "x" } })),
    ).toBe("CONFLICT");
  });

  it("pins and locks by club admins only; a locked thread takes no comments", async () => {
    const { clubId, host, ahead } = await bookClub(server);
    const { id: threadId } = await ahead.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Rules",
      body: "x",
    });
    expect(await codeOf(ahead.client.trpc.discussions.pin.mutate({ clubId, threadId, pinned: true }))).toBe(
      "FORBIDDEN",
    );
    await host.client.trpc.discussions.pin.mutate({ clubId, threadId, pinned: true });
    const pinned = await ahead.client.trpc.discussions.threads.query({ clubId, pinned: true });
    expect(pinned.items.map((thread) => thread.id)).toEqual([threadId]);
    expect((await ahead.client.trpc.discussions.threads.query({ clubId, pinned: false })).items).toEqual([]);

    await host.client.trpc.discussions.lock.mutate({ clubId, threadId, locked: true });
    expect(await codeOf(ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "late" }))).toBe(
      "CONFLICT",
    );
    const thread = await ahead.client.trpc.discussions.thread.query({ clubId, threadId });
    expect(thread).toMatchObject({ locked: true, commentCount: 0 });
  });

  it("a lock racing comments: every comment that got in was counted, none after the lock", async () => {
    const { clubId, host, ahead, behind } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Race",
      body: "x",
    });
    const results = await Promise.allSettled([
      ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "one" }),
      behind.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "two" }),
      host.client.trpc.discussions.lock.mutate({ clubId, threadId, locked: true }),
      ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "three" }),
    ]);
    const comments = await host.client.trpc.discussions.comments.query({ clubId, threadId });
    const thread = await host.client.trpc.discussions.thread.query({ clubId, threadId });
    const accepted = results.filter((result, index) => index !== 2 && result.status === "fulfilled").length;
    expect(comments.items).toHaveLength(accepted);
    expect(thread.commentCount).toBe(accepted);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason.data?.code).toBe("CONFLICT");
    }
  });

  it("refuses bad input with a typed error and changes nothing", async () => {
    const { clubId, meetingId, ahead, host } = await bookClub(server);
    const other = await bookClub(server);
    const count = async () =>
      (await server.db.select().from(discussionThreads).where(eq(discussionThreads.clubId, clubId))).length;
    expect(
      await fieldsOf(ahead.client.trpc.discussions.createThread.mutate({ clubId, title: "x", body: "y" })),
    ).toEqual(["title"]);
    expect(
      await fieldsOf(ahead.client.trpc.discussions.createThread.mutate({ clubId, title: "Fine", body: "  " })),
    ).toEqual(["body"]);
    expect(
      await fieldsOf(ahead.client.trpc.discussions.createThread.mutate({ clubId, title: "Paged", body: "y", page: 3 })),
    ).toEqual(["page"]);
    expect(
      await fieldsOf(
        ahead.client.trpc.discussions.createThread.mutate({ clubId, meetingId, title: "Far", body: "y", page: 301 }),
      ),
    ).toEqual(["page"]);
    expect(
      await fieldsOf(
        ahead.client.trpc.discussions.createThread.mutate({
          clubId,
          meetingId: other.meetingId,
          title: "Not ours",
          body: "y",
        }),
      ),
    ).toEqual(["meetingId"]);
    expect(await count()).toBe(0);

    const { id: foreign } = await other.host.client.trpc.discussions.createThread.mutate({
      clubId: other.clubId,
      title: "Elsewhere",
      body: "z",
    });
    expect(await codeOf(host.client.trpc.discussions.thread.query({ clubId, threadId: foreign }))).toBe("NOT_FOUND");
    expect(await codeOf(host.client.trpc.discussions.deleteThread.mutate({ clubId, threadId: foreign }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(host.client.trpc.discussions.comment.mutate({ clubId, threadId: foreign, body: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(await fieldsOf(ahead.client.trpc.discussions.threads.query({ clubId, cursor: "bm90IGEgY3Vyc29y" }))).toEqual(
      ["cursor"],
    );
  }, 60_000);
});

describe("comments", () => {
  it("lists replies right after their parent, one level deep", async () => {
    const { clubId, host, ahead, behind } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Talk",
      body: "x",
    });
    const a = await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "A" });
    const b = await behind.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "B" });
    const a1 = await host.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: a.id, body: "A1" });
    const b1 = await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: b.id, body: "B1" });
    const a2 = await behind.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: a.id, body: "A2" });
    expect(
      await fieldsOf(host.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: a1.id, body: "deep" })),
    ).toEqual(["parentId"]);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof host.client.trpc.discussions.comments.query>> =
        await host.client.trpc.discussions.comments.query({ clubId, threadId, limit: 2, cursor });
      ids.push(...page.items.map((comment) => comment.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual([a.id, a1.id, a2.id, b.id, b1.id]);
  });

  it("edits and deletes its own; a club admin deletes anyone's; the replies stay", async () => {
    const { clubId, host, ahead, behind } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Talk",
      body: "x",
    });
    const parent = await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "first" });
    await behind.client.trpc.discussions.comment.mutate({ clubId, threadId, parentId: parent.id, body: "reply" });
    expect(
      await codeOf(
        behind.client.trpc.discussions.editComment.mutate({ clubId, commentId: parent.id, changes: { body: "x" } }),
      ),
    ).toBe("FORBIDDEN");
    expect(await codeOf(behind.client.trpc.discussions.deleteComment.mutate({ clubId, commentId: parent.id }))).toBe(
      "FORBIDDEN",
    );
    const edited = await ahead.client.trpc.discussions.editComment.mutate({
      clubId,
      commentId: parent.id,
      changes: { body: "first, edited" },
    });
    expect(edited.editedAt).toBeInstanceOf(Date);
    await host.client.trpc.discussions.deleteComment.mutate({ clubId, commentId: parent.id });
    const { items } = await behind.client.trpc.discussions.comments.query({ clubId, threadId });
    expect(items.map((comment) => [comment.deleted, comment.text?.excerpt ?? null])).toEqual([
      [true, null],
      [false, "reply"],
    ]);
  });
});

describe("Markdown", () => {
  const attacks = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="https://x.org" onclick="alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<xmp><script>alert(1)</script></xmp>",
    "![x](https://evil.example/pixel.png)",
    '[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
  ];

  it("renders no script, no raw HTML, no event handler and no dangerous link: each attempt stays text", async () => {
    const { clubId, host, behind } = await bookClub(server);
    for (const body of attacks) {
      const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
        clubId,
        title: "Attempt",
        body,
      });
      const shown = await behind.client.trpc.discussions.thread.query({ clubId, threadId });
      const html = shown.text?.html ?? "";
      expect(html, body).not.toMatch(/<(script|img|iframe|svg|xmp|style)\b/i);
      expect(html, body).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      expect(html, body).not.toMatch(/href="(javascript|data|vbscript):/i);
      const { html: preview } = await behind.client.trpc.discussions.preview.mutate({ body });
      expect(preview).toBe(html);
    }
  }, 60_000); // three calls per attack, one after another: 7 s alone, over 20 s beside the fuzz run

  it("keeps the safe subset; links get rel=nofollow ugc noopener", async () => {
    const { html } =
      (await server
        .client()
        .trpc.discussions.preview.mutate({ body: "x" })
        .catch(() => ({ html: "" }))) ?? {};
    expect(html).toBe("");
    const { host } = await bookClub(server);
    const rendered = await host.client.trpc.discussions.preview.mutate({
      body: "**bold** _it_ `code`\n\n> quote\n\n- a\n- b\n\n[site](https://example.org)",
    });
    expect(rendered.html).toContain("<strong>bold</strong>");
    expect(rendered.html).toContain("<em>it</em>");
    expect(rendered.html).toContain("<blockquote>");
    expect(rendered.html).toContain(
      '<a href="https://example.org" rel="nofollow ugc noopener" target="_blank">site</a>',
    );
  });
});

describe("reports", () => {
  it("stores one report per reporter and target, for a thread, a comment or a member of the club", async () => {
    const { clubId, host, ahead, behind, outsider } = await bookClub(server);
    const { id: threadId } = await host.client.trpc.discussions.createThread.mutate({
      clubId,
      title: "Talk",
      body: "x",
    });
    const comment = await ahead.client.trpc.discussions.comment.mutate({ clubId, threadId, body: "rude" });
    const first = await behind.client.trpc.discussions.report.mutate({
      clubId,
      target: { kind: "comment", id: comment.id },
      reason: "harassment",
      details: "Not nice",
    });
    expect(first).toEqual({ reported: true, duplicate: false });
    const again = await behind.client.trpc.discussions.report.mutate({
      clubId,
      target: { kind: "comment", id: comment.id },
      reason: "harassment",
    });
    expect(again).toEqual({ reported: true, duplicate: true });
    await behind.client.trpc.discussions.report.mutate({
      clubId,
      target: { kind: "thread", id: threadId },
      reason: "spam",
    });
    await behind.client.trpc.discussions.report.mutate({
      clubId,
      target: { kind: "member", username: ahead.user.username },
      reason: "other",
    });
    expect(
      await fieldsOf(
        behind.client.trpc.discussions.report.mutate({
          clubId,
          target: { kind: "member", username: outsider.user.username },
          reason: "spam",
        }),
      ),
    ).toEqual(["target"]);
    const stored = await server.db.select().from(discussionReports).where(eq(discussionReports.clubId, clubId));
    expect(stored.map((row) => row.target).sort()).toEqual(["comment", "member", "thread"]);
  });
});
