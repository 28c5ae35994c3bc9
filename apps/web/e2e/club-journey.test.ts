import { catalogBook, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser, webDist } from "./browser.js";
import { signUp } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();
await catalogBook(server, { title: "Madame Bovary", authors: ["Gustave Flaubert"], pageCount: 320 });

async function goingAndReport(page: Page, pageNumber: string) {
  await page.getByRole("button", { name: "Going", exact: true }).click();
  await expect
    .poll(() => page.getByRole("button", { name: "Going", exact: true }).getAttribute("aria-pressed"))
    .toBe("true");
  await page.getByLabel(/Page reached/).fill(pageNumber);
  await page.getByRole("button", { name: "Update" }).click();
}

describe("a club's first meeting", () => {
  it("one member creates a club and schedules a book, a friend joins, both report progress and see each other", async () => {
    const hostContext = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const guestContext = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
    const host = await signUp(hostContext, "harriet");
    const guest = await signUp(guestContext, "gustave");

    await host.getByRole("link", { name: "Clubs", exact: true }).click();
    await host.getByRole("link", { name: "Start a club" }).click();
    await host.getByLabel("Name", { exact: true }).fill("Rouen Readers");
    await host.getByLabel("Description").fill("One novel a month, argued over cider.");
    await host.getByLabel("We meet online").check();
    await checkPage(host, "create-club");
    await host.getByRole("button", { name: "Create club" }).click();
    await expect.poll(() => host.getByRole("heading", { name: "Rouen Readers" }).isVisible()).toBe(true);
    expect(host.url()).toContain("/clubs/rouen-readers");

    await host.getByLabel("Book", { exact: true }).fill("bovary");
    await host.getByRole("button", { name: "Choose Madame Bovary" }).click();
    await host.getByLabel("Starts at").fill("2031-03-14T19:00");
    await host.getByLabel("Video link").fill("https://meet.example.com/rouen");
    await host.getByRole("button", { name: "Schedule meeting" }).click();
    await expect.poll(() => host.getByRole("heading", { name: "Madame Bovary" }).isVisible()).toBe(true);
    const meetingUrl = host.url();
    await goingAndReport(host, "160");
    await expect.poll(() => host.getByText("page 160 · 50%").isVisible()).toBe(true);
    await expect.poll(() => host.getByText("Last saved: page 160 (50%).").isVisible()).toBe(true);

    await guest.goto("/clubs");
    await guest.getByRole("searchbox", { name: "Search" }).fill("rouen");
    await expect.poll(() => guest.getByRole("link", { name: "Rouen Readers" }).isVisible()).toBe(true);
    await checkPage(guest, "clubs-search");
    await guest.getByRole("link", { name: "Rouen Readers" }).click();
    await guest.getByRole("button", { name: "Join this club" }).click();
    await expect.poll(() => guest.getByRole("link", { name: "Madame Bovary" }).isVisible()).toBe(true);
    await guest.getByRole("link", { name: "Madame Bovary" }).click();
    await goingAndReport(guest, "320");
    await expect.poll(() => guest.getByText("Finished").isVisible()).toBe(true);
    await expect.poll(() => guest.getByText("You have read the whole book.").isVisible()).toBe(true);
    await expect.poll(() => guest.getByText("page 160 · 50%").isVisible()).toBe(true);
    await checkPage(guest, "meeting-guest");

    await host.goto(meetingUrl);
    await expect
      .poll(() => host.getByRole("progressbar", { name: "Gustave's progress" }).getAttribute("aria-valuenow"))
      .toBe("100");
    await checkPage(host, "meeting-host");
    await hostContext.close();
    await guestContext.close();
  });
});
