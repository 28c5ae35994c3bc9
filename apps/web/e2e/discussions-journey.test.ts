import { bookClub, enqueueJob, signedUpClient, startTestServer } from "@booky/server/testing";
import { startSmtpInbox } from "@booky/testing";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { eventually, logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const inbox = await startSmtpInbox();
const server = await startTestServer({ jobs: true, env: { WEB_DIST_DIR: webDist, SMTP_URL: inbox.url } });
const browser = await launchBrowser();

/** A browser of its own for a member made through the API, logged in through the log-in page. */
async function logInAs(who: { details: { email: string; password: string } }, into: Browser = browser): Promise<Page> {
  return logIn(await into.newContext({ baseURL: server.url, viewport: DESKTOP }), who);
}

describe("discussing a meeting's book", () => {
  it("two members at different pages see different things; a reply reaches the other's open page live", async () => {
    const scene = await bookClub(server);
    // What the club's set-up told them (a new meeting) is read already: the bell counts what happens next.
    await scene.behind.client.trpc.notifications.markRead.mutate({ all: true });
    const ahead = await logInAs(scene.ahead);
    const behind = await logInAs(scene.behind);
    const discussion = `/meetings/${scene.meetingId}/discussion`;

    // The member on page 250 writes about page 212, previewing first.
    await ahead.goto(discussion);
    await ahead.getByLabel("Title").fill("The lighthouse at page 212");
    await ahead.getByLabel("Post (Markdown)").fill("The **keeper** was the thief all along.");
    await ahead.getByLabel("About page").fill("212");
    await ahead.getByRole("button", { name: "Preview" }).click();
    await shows(ahead.locator("strong", { hasText: "keeper" }));
    await ahead.getByRole("button", { name: "Post thread" }).click();
    await shows(ahead.getByRole("link", { name: "The lighthouse at page 212" }));
    await checkPage(ahead, "thread-list-ahead");

    // The member on page 140 sees it collapsed, in the list and on its page, until they reveal it.
    await behind.goto(discussion);
    await shows(behind.getByText("About page 212 — you are on page 140"));
    expect(await behind.content()).not.toContain("thief");
    await checkPage(behind, "thread-list-behind");
    await behind.getByRole("link", { name: "Spoiler" }).click();
    await shows(behind.getByRole("button", { name: "Reveal" }));
    expect(await behind.content()).not.toContain("thief");
    await checkPage(behind, "thread-collapsed");
    await behind.getByRole("button", { name: "Reveal" }).click();
    await shows(behind.getByText("was the thief all along"));

    // The member behind opens a thread of their own and keeps it open.
    await behind.goto(discussion);
    await behind.getByLabel("Title").fill("Chapter one");
    await behind.getByLabel("Post (Markdown)").fill("Is it slow for you too?");
    await behind.getByRole("button", { name: "Post thread" }).click();
    await behind.getByRole("link", { name: "Chapter one" }).click();
    await shows(behind.getByRole("heading", { name: "Chapter one" }));
    await shows(behind.getByText("No comment yet."));

    // The other member replies about page 30; the open page shows it, and the bell counts it, without a reload.
    await ahead.goto(discussion);
    await ahead.getByRole("link", { name: "Chapter one" }).click();
    await ahead.getByLabel("Comment (Markdown)").fill("It picks up in chapter three.");
    await ahead.getByLabel("About page").fill("30");
    await ahead.getByRole("button", { name: "Post comment" }).click();
    await shows(behind.getByText("It picks up in chapter three."));
    await shows(behind.getByRole("link", { name: "Notifications, 1 unread" }));
    await checkPage(behind, "thread-live-reply");

    // The report dialog.
    await behind.getByRole("button", { name: `Report the comment of ${scene.ahead.details.displayName}` }).click();
    const dialog = behind.getByRole("dialog");
    await dialog.getByLabel("Reason").selectOption("off_topic");
    await checkPage(behind, "report-dialog");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await shows(behind.getByText("the club's moderators will look at it"));
    await dialog.getByRole("button", { name: "Close" }).click();

    await behind.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await shows(behind.getByRole("link", { name: `${scene.ahead.details.displayName} replied in “Chapter one”` }));
    await checkPage(behind, "notifications");
  }, 180_000);

  it("an author edits their thread and their comment; both are marked edited, with the time", async () => {
    const scene = await bookClub(server);
    const { id: threadId } = await scene.ahead.client.trpc.discussions.createThread.mutate({
      clubId: scene.clubId,
      title: "First impressions",
      body: "The opening is slow.",
    });
    await scene.ahead.client.trpc.discussions.comment.mutate({
      clubId: scene.clubId,
      threadId,
      body: "Chapter two is better.",
    });
    const ahead = await logInAs(scene.ahead);
    await ahead.goto(`/clubs/${scene.club.slug}/discussions/${threadId}`);
    await shows(ahead.getByText("The opening is slow."));

    await ahead.getByRole("button", { name: "Edit this thread" }).click();
    await expect.poll(() => ahead.getByLabel("Post (Markdown)").inputValue()).toBe("The opening is slow.");
    await ahead.getByLabel("Title").fill("First impressions, revised");
    await ahead.getByLabel("Post (Markdown)").fill("The opening is slow, then *gripping*.");
    await checkPage(ahead, "thread-editing");
    await ahead.getByRole("button", { name: "Save changes" }).click();
    await shows(ahead.getByRole("heading", { name: "First impressions, revised" }));
    await shows(ahead.locator("em", { hasText: "gripping" }));
    await shows(ahead.getByText(/· edited /).first());

    await ahead.getByRole("button", { name: /^Edit your comment of / }).click();
    const editing = ahead.getByRole("group", { name: "Editing" });
    await editing.getByLabel("Comment (Markdown)").fill("Chapter two is much better.");
    await editing.getByRole("button", { name: "Save changes" }).click();
    await shows(ahead.getByText("Chapter two is much better."));
    await expect.poll(() => ahead.getByText(/· edited /).count()).toBe(2);
    await checkPage(ahead, "thread-edited");

    // Another member sees the edited words and the marks; they get no edit button.
    const other = await logInAs(scene.finisher);
    await other.goto(`/clubs/${scene.club.slug}/discussions/${threadId}`);
    await shows(other.getByText("Chapter two is much better."));
    await expect.poll(() => other.getByText(/· edited /).count()).toBe(2);
    expect(await other.getByRole("button", { name: /^Edit/ }).count()).toBe(0);
  }, 120_000);
});

describe("e-mail", () => {
  it("a digest arrives over SMTP and its one-click unsubscribe works", async () => {
    const member = await signedUpClient(server);
    for (let index = 0; index < 2; index++) {
      const friend = await signedUpClient(server);
      await friend.client.trpc.friends.request.mutate({ username: member.user.username });
    }
    await enqueueJob(server.db, "queue-digests", {});
    const digest = await inbox.waitForMailTo(member.details.email);
    expect(digest.subject).toBe("Your Booky digest: 2 new notifications");
    const link = new URL(digest.text?.match(/Unsubscribe from these e-mails: (\S+)/)?.[1] ?? "");

    const page = await (await browser.newContext({ baseURL: server.url, viewport: DESKTOP })).newPage();
    await page.goto(`${link.pathname}${link.search}`);
    await shows(page.getByText("Stop receiving the daily digest?"));
    // Opening the link changed nothing.
    const delivery = async () =>
      (await member.client.trpc.notifications.preferences.query()).find((pref) => pref.kind === "friend_request")
        ?.delivery;
    expect(await delivery()).toBe("email_digest");
    await checkPage(page, "unsubscribe");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await shows(page.getByText("Done: Booky no longer e-mails you the daily digest"));
    await expect.poll(delivery, eventually).toBe("in_app");
    await checkPage(page, "unsubscribed");

    // The settings page shows it, for the member signed in.
    const settings = await logInAs(member);
    await settings.goto("/settings/notifications");
    await shows(settings.getByLabel("Friend requests", { exact: true }));
    expect(await settings.getByLabel("Friend requests", { exact: true }).inputValue()).toBe("in_app");
    await checkPage(settings, "notification-settings");
  }, 120_000);
});
