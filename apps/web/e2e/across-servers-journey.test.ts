import { bookClub, secondServerProcess, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";

/**
 * Booky behind a load balancer: two server processes on one database. A
 * member whose page is served by one server sees, live, what another member
 * did through the other (PostgreSQL LISTEN/NOTIFY carries the news between
 * them, docs/notifications.md).
 */
const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

async function logInAt(url: string, who: { details: { email: string; password: string } }): Promise<Page> {
  return logIn(await browser.newContext({ baseURL: url, viewport: DESKTOP }), who);
}

describe("two servers", () => {
  it("a reply written through one server reaches a page open on the other live, with the bell's count", async () => {
    const scene = await bookClub(server);
    await scene.behind.client.trpc.notifications.markRead.mutate({ all: true });
    const { id: threadId } = await scene.behind.client.trpc.discussions.createThread.mutate({
      clubId: scene.clubId,
      title: "Across the room",
      body: "Who else is reading tonight?",
    });
    const other = await secondServerProcess(server, { WEB_DIST_DIR: webDist });

    // One member's page is on the second server, the other's on the first.
    const behind = await logInAt(other.url, scene.behind);
    const ahead = await logInAt(server.url, scene.ahead);
    const thread = `/clubs/${scene.club.slug}/discussions/${threadId}`;
    await behind.goto(thread);
    await shows(behind.getByText("No comment yet."));
    await shows(behind.getByRole("link", { name: "Notifications", exact: true }));

    await ahead.goto(thread);
    await ahead.getByLabel("Comment (Markdown)").fill("Me, on the night train.");
    await ahead.getByRole("button", { name: "Post comment" }).click();
    await shows(ahead.getByText("Me, on the night train."));

    // No reload on the second server's page: the comment and the unread count arrive over its live stream.
    await shows(behind.getByText("Me, on the night train."));
    await shows(behind.getByRole("link", { name: "Notifications, 1 unread" }));
    expect(new URL(behind.url()).port).toBe(new URL(other.url).port);
    await checkPage(behind, "reply-from-the-other-server");
  }, 120_000);
});
