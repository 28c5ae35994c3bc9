import { seedDemoCommunity, startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { watchConsole } from "./console-watch.js";
import { eventually, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
await seedDemoCommunity(server.db, { publicUrl: server.url });
const browser = await launchBrowser();

describe("a visitor without an account", () => {
  it("finds a public club in the directory, reads its page and race, signs up, lands back on the club and joins", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "en-US" });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto("/");
    await page.getByRole("link", { name: "Browse the clubs reading now" }).click();
    await shows(page.getByRole("heading", { name: "Book clubs", level: 1 }));
    const clubs = page.getByRole("list", { name: "Clubs" });
    await shows(clubs.getByRole("link", { name: "Thursday Classics Circle" }));
    // The private club is listed by name and description only.
    await shows(clubs.getByText("Private club"));
    await checkPage(page, "directory");

    await clubs.getByRole("link", { name: "Thursday Classics Circle" }).click();
    await shows(page.getByRole("heading", { name: "Thursday Classics Circle" }));
    await shows(page.getByRole("heading", { name: "The race" }));
    const standings = page.getByRole("list", { name: "Standings" });
    await expect.poll(() => standings.getByRole("listitem").count(), eventually).toBe(7);
    await expect(
      page.getByRole("progressbar", { name: "Elena Marchetti's progress" }).getAttribute("aria-valuenow"),
    ).resolves.toMatch(/^8\d$/);
    expect(await page.title()).toBe("Thursday Classics Circle · Booky");
    await checkPage(page, "public-club");

    await page.getByRole("link", { name: "Brave New World" }).first().click();
    await shows(page.getByRole("heading", { name: /Brave New World/ }));
    await shows(page.getByText("1 public club reads it."));
    await checkPage(page, "public-book");

    await page.goto("/clubs/quiet-margins");
    await shows(page.getByRole("heading", { name: "Quiet Margins" }));
    await shows(page.getByText("Its meetings and members are for its members."));
    await checkPage(page, "private-club");

    await page.goto("/u/elena");
    await shows(page.getByRole("heading", { name: "Elena Marchetti" }));
    await checkPage(page, "public-profile");

    // "Sign up to join" goes through sign-up and back to the club, where joining is one button.
    await page.goto("/clubs/thursday-classics-circle");
    await page.getByRole("link", { name: "Sign up to join" }).click();
    await shows(page.getByRole("heading", { name: "Create your account" }));
    await page.getByLabel("E-mail").fill("newcomer@example.com");
    await page.getByLabel("Username").fill("newcomer");
    await page.getByLabel("Display name").fill("Nora Newcomer");
    await page.getByLabel("Password").fill("reading together is better");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect.poll(() => new URL(page.url()).pathname, eventually).toBe("/clubs/thursday-classics-circle");
    await page.getByRole("button", { name: "Join this club" }).click();
    await shows(page.getByText("12 of 50 members"));
    await checkPage(page, "joined");

    expect(problems).toEqual([]);
    await context.close();
  });
});
