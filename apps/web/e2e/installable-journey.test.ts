import { DEMO_PASSWORD, seedDemoCommunity, startTestServer } from "@booky/server/testing";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, keepScreenshot, launchBrowser, webDist } from "./browser.js";
import { eventually, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
await seedDemoCommunity(server.db, { publicUrl: server.url });
const browser = await launchBrowser();

/** Elena (in the demo race) on the race's meeting page, in a context of her own. */
async function elenaOnTheRace(on: Browser) {
  const context = await on.newContext({ baseURL: server.url, viewport: DESKTOP, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/log-in");
  await page.getByLabel("E-mail").fill("elena@booky.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await shows(page.getByRole("heading", { name: /^Welcome back/ }));
  await page.getByRole("link", { name: "Brave New World" }).first().click();
  await shows(page.getByRole("heading", { name: "Your progress" }));
  return { context, page };
}

async function report(page: Page, reached: number) {
  await page.getByLabel(/^Page reached/).fill(String(reached));
  await page.getByRole("button", { name: "Update" }).click();
}

describe("the installed app", () => {
  it("has a manifest and a service worker; a report made offline is sent on reconnect (even after the app was closed), a conflict shown", async () => {
    const { context, page } = await elenaOnTheRace(browser);
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "Booky", display: "standalone", start_url: "/" });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    expect(await page.locator('link[rel="manifest"]').count()).toBe(1);
    // The worker is in charge once it has cached the shell.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // Offline: the report waits on the device, the bar already shows it; back online it is saved.
    await context.setOffline(true);
    await report(page, 240);
    await shows(page.getByText(/You are offline: your report \(page 240\) is kept on this device/));
    await checkPage(page, "offline-report");
    await context.setOffline(false);
    // The bar showed 240 at once (optimistically); sent means the waiting notice is gone and the version moved on.
    await page.getByText(/You are offline/).waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(() => page.locator('[aria-busy="true"]').count(), eventually).toBe(0);
    await shows(page.getByText("Last saved: page 240 (83%)."));

    // Offline again; meanwhile the same member reports from another tab: on reconnect the conflict shows.
    await context.setOffline(true);
    await report(page, 260);
    await shows(page.getByText(/You are offline: your report \(page 260\)/));
    const other = await elenaOnTheRace(browser);
    await report(other.page, 270);
    await shows(other.page.getByText("Last saved: page 270 (93%)."));
    await context.setOffline(false);
    await shows(page.getByText(/Your progress changed elsewhere; here is where it stands now: page 270\./));
    await checkPage(page, "reconnect-conflict");
    await other.context.close();

    // A report made offline survives the app being closed: kept on the device, sent when it opens again online.
    await shows(page.getByText("Last saved: page 270 (93%)."));
    await context.setOffline(true);
    await report(page, 280);
    await shows(page.getByText(/You are offline: your report \(page 280\)/));
    await expect
      .poll(() => page.evaluate(() => indexedDB.databases().then((all) => all.map((db) => db.name))), eventually)
      .toContain("keyval-store");
    const meetingUrl = page.url();
    await page.close();
    await context.setOffline(false);
    const reopened = await context.newPage();
    await reopened.goto(meetingUrl);
    await shows(reopened.getByText("Last saved: page 280 (97%)."));
    // The page shows the report as soon as it is sent; the server's write follows.
    await expect
      .poll(async () => {
        const saved = await server.sql`
          select 1 from reading_progress p join users u on u.id = p.user_id where u.username = 'elena' and p.page = 280`;
        return saved.length;
      }, eventually)
      .toBe(1);

    // The shell opens with no connection at all (from the service worker's cache).
    await context.setOffline(true);
    await reopened.reload();
    await shows(reopened.getByRole("link", { name: "Booky" }));
    await keepScreenshot(reopened, "offline-shell");
    await expect
      .poll(() => reopened.evaluate(() => navigator.serviceWorker.controller !== null), eventually)
      .toBe(true);
    // Offline, the session cannot be checked: the member is told so and stays on the page, not sent to log in;
    // the page opens by itself when the connection returns.
    await shows(reopened.getByRole("heading", { name: "You are offline" }));
    expect(new URL(reopened.url()).pathname).toBe(new URL(meetingUrl).pathname);
    await context.setOffline(false);
    await shows(reopened.getByText("Last saved: page 280 (97%)."));
    await context.close();
  }, 120_000);
});
