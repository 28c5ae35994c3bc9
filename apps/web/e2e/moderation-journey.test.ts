import { moderatedClub, signedUpClient, siteAdminClient, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

/** A link of the main navigation (the page's content may have links of the same name). */
const navLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

/** A browser of its own for a member made through the API, logged in through the log-in page. */
async function logInAs(who: { details: { email: string; password: string } }): Promise<Page> {
  return logIn(await browser.newContext({ baseURL: server.url, viewport: DESKTOP }), who);
}

describe("moderating a club", () => {
  it("a member reports a comment, the club admin removes it from the queue, members see it removed, its author sees why, the log keeps it", async () => {
    const club = await moderatedClub(server);
    const threadPath = `/clubs/${club.club.slug}/discussions/${club.thread.id}`;
    const author = club.behind.details.displayName;

    // A member reports the rude comment; they get no moderation tab.
    const reporter = await logInAs(club.ahead);
    await reporter.goto(threadPath);
    await shows(reporter.getByText("You are all idiots."));
    await reporter.getByRole("button", { name: `Report the comment of ${author}` }).click();
    const dialog = reporter.getByRole("dialog");
    await dialog.getByLabel("Reason").selectOption("harassment");
    await dialog.getByLabel("Details (optional)").fill("Name-calling");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await shows(reporter.getByText("the club's moderators will look at it"));
    await dialog.getByRole("button", { name: "Close" }).click();
    await reporter.goto(`/clubs/${club.club.slug}`);
    await shows(reporter.getByRole("link", { name: "Discussion", exact: true }));
    expect(await reporter.getByRole("link", { name: "Moderation", exact: true }).count()).toBe(0);

    // The club admin finds it in the queue: what, by how many, why, and the author's record.
    const admin = await logInAs(club.admin);
    await admin.goto(`/clubs/${club.club.slug}`);
    await admin.getByRole("link", { name: "Moderation", exact: true }).click();
    await shows(admin.getByRole("heading", { name: "Open reports" }));
    await shows(admin.getByRole("link", { name: `Comment by ${author}` }));
    await shows(admin.getByText("1 reporter"));
    await shows(admin.getByText("“Name-calling”"));
    await shows(admin.getByText("no earlier action"));
    await checkPage(admin, "club-queue");

    // The case's page: the admin removes the comment, with a reason; the history shows it.
    await admin.getByRole("link", { name: `Comment by ${author}` }).click();
    await shows(admin.getByRole("heading", { name: "Act on it" }));
    await admin.getByLabel("Action").selectOption("remove_content");
    await admin.getByRole("textbox", { name: /^Reason/ }).fill("Name-calling is not welcome here");
    await checkPage(admin, "case-acting");
    await admin.getByRole("button", { name: "Apply" }).click();
    await shows(admin.getByRole("heading", { name: "Resolved case" }));
    await shows(admin.getByRole("list", { name: "History" }).getByText("Removed content"));
    await shows(admin.getByText("Resolved: Remove the content"));
    await checkPage(admin, "case-resolved");

    // Members read that the moderators removed it, not the words, nor the reason.
    await reporter.goto(threadPath);
    await shows(reporter.getByText("Removed by the moderators."));
    expect(await reporter.content()).not.toContain("You are all idiots.");
    expect(await reporter.content()).not.toContain("not welcome here");
    await checkPage(reporter, "comment-removed-member");

    // Its author reads why.
    const writer = await logInAs(club.behind);
    await writer.goto(threadPath);
    await shows(writer.getByText("Why: Name-calling is not welcome here"));
    await checkPage(writer, "comment-removed-author");

    // The club's audit log has the action: who, what, on whom, why.
    await admin.getByRole("link", { name: "Audit log", exact: true }).click();
    const log = admin.getByRole("list", { name: "Audit log entries" });
    await shows(log.getByText("Removed content"));
    await shows(log.getByText(author));
    await shows(log.getByText("“Name-calling is not welcome here”"));
    await admin.getByLabel("Kind").selectOption("warn");
    await shows(admin.getByText("Nothing logged matches these filters."));
    await admin.getByLabel("Kind").selectOption("remove_content");
    await shows(log.getByText("Removed content"));
    await checkPage(admin, "club-audit-log");
  }, 180_000);
});

describe("site administration", () => {
  it("a site admin suspends a member from the admin area; the member's idle open page is signed out at once and log-in says why and until when; a club is archived", async () => {
    const siteAdmin = await siteAdminClient(server);
    const member = await signedUpClient(server);

    // The member is signed in, with no admin link.
    const suspended = await logInAs(member);
    await shows(navLink(suspended, "Clubs"));
    expect(await navLink(suspended, "Admin").count()).toBe(0);

    // The admin reaches the dashboard from the navigation, then the member's page.
    const admin = await logInAs(siteAdmin);
    await navLink(admin, "Admin").click();
    await shows(admin.getByRole("heading", { name: "Dashboard" }));
    await shows(admin.getByRole("heading", { name: "New members per week" }));
    await shows(admin.getByRole("definition").first());
    await checkPage(admin, "admin-dashboard");
    await admin.getByRole("link", { name: "Members", exact: true }).click();
    await admin.getByLabel("Find a member").fill(member.user.username);
    await admin.getByRole("link", { name: member.details.displayName }).click();
    await shows(admin.getByRole("heading", { name: member.details.displayName }));
    await shows(admin.getByText("In good standing"));
    await admin.getByLabel("Days").fill("3");
    await admin.getByLabel(/^Reason \(the member reads it/).fill("Spamming every club");
    await checkPage(admin, "admin-member");
    await admin.getByRole("button", { name: "Suspend" }).click();
    await shows(admin.getByText(/every session of the account is signed out \(\d+ revoked\)/));
    await shows(admin.getByText(/^Suspended until /));
    await checkPage(admin, "admin-member-suspended");

    // The member's open page, making no call, is signed out at once (its live stream ends with the session);
    // log-in answers with the reason and the end date.
    const logInLink = suspended.getByRole("banner").getByRole("link", { name: "Log in", exact: true });
    await shows(logInLink);
    expect(await navLink(suspended, "Friends").count()).toBe(0);
    await logInLink.click();
    await shows(suspended.getByRole("heading", { name: "Log in" }));
    await suspended.getByLabel("E-mail").fill(member.details.email);
    await suspended.getByLabel("Password").fill(member.details.password);
    await suspended.getByRole("button", { name: "Log in" }).click();
    await shows(suspended.getByText(/This account is suspended until .+ Reason: Spamming every club\. To appeal/));
    await checkPage(suspended, "log-in-suspended");

    // The whole audit log has it, and filters on the member picked.
    await admin.getByRole("link", { name: "Everything in the audit log about them" }).click();
    const log = admin.getByRole("list", { name: "Audit log entries" });
    await shows(log.getByText("Suspended"));
    await shows(log.getByText("“Spamming every club”"));
    await shows(admin.getByText("Only the actions on one member"));
    await checkPage(admin, "admin-audit-log");

    // On a club's page, the site admin archives it.
    const { club } = await moderatedClub(server);
    await admin.goto(`/clubs/${club.slug}`);
    await admin.getByLabel("Why it is archived").fill("Abandoned for a year");
    await admin.getByRole("button", { name: "Archive the club" }).click();
    await shows(admin.getByText("This club is archived: it is hidden from the directory."));
    await shows(admin.getByRole("button", { name: "Restore the club" }));
    await checkPage(admin, "admin-club-archived");
  }, 180_000);
});
