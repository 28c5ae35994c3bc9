import { DEMO_PASSWORD, demoUsers, seedDemoCommunity, startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, webDist } from "./browser.js";
import { watchConsole } from "./console-watch.js";
import { eventually, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
await seedDemoCommunity(server.db, { publicUrl: server.url });
const browser = await launchBrowser();

describe("the demo accounts", () => {
  for (const { username, displayName } of demoUsers) {
    it(`${username} logs in to a home page full of their clubs, a race and points`, async () => {
      const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "en-US" });
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto("/log-in");
      await page.getByLabel("E-mail").fill(`${username}@booky.example`);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Log in" }).click();
      await shows(page.getByRole("heading", { name: `Welcome back, ${displayName}` }));

      await shows(page.getByRole("heading", { name: "Your clubs" }));
      await shows(page.getByRole("link", { name: "Thursday Classics Circle" }).first());
      await shows(page.getByRole("progressbar", { name: /^Your progress in / }).first());
      await shows(page.getByRole("heading", { name: "Your points" }));
      // The header keeps to one row at 1280 px, with the member's avatar in it (the name beside it on wider screens).
      const header = page.getByRole("banner");
      const nav = page.getByRole("navigation", { name: "Main" });
      const home = await nav.getByRole("link", { name: "Home" }).boundingBox();
      const points = await nav.getByRole("link", { name: "Points" }).boundingBox();
      const logOut = await header.getByRole("button", { name: "Log out" }).boundingBox();
      expect(points?.y).toBe(home?.y);
      expect(
        Math.abs((logOut?.y ?? 0) + (logOut?.height ?? 0) / 2 - ((home?.y ?? 0) + (home?.height ?? 0) / 2)),
      ).toBeLessThan(4);
      await expect.poll(() => page.locator('[aria-busy="true"]').count(), eventually).toBe(0);
      // Nothing sticks out sideways, at desktop or phone width (the page never scrolls horizontally).
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await scrollWidth()).toBe(DESKTOP.width);
      await page.setViewportSize(PHONE);
      await expect.poll(scrollWidth).toBe(PHONE.width);
      await page.setViewportSize(DESKTOP);
      await checkPage(page, `home-${username}`);

      // The race itself: the meeting page with standings and the pool.
      await page.getByRole("link", { name: "Brave New World" }).first().click();
      await shows(page.getByRole("heading", { name: "Brave New World" }));
      await shows(page.getByRole("progressbar", { name: "Elena Marchetti's progress" }));
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
