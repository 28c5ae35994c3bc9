import { catalogBook, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { tabAndPress, tabAndType, tabTo } from "./keyboard.js";
import { barValue, createClubWithMeeting, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();
await catalogBook(server, { title: "The Quiet Shelf", authors: ["Ines Marlow"], pageCount: 200 });
await catalogBook(server, { title: "Harbour Lights", authors: ["Tom Avery"], pageCount: 300 });

/** Twenty days from now at 19:00 (19 to 21 whole days away, by the time of day the test runs): as typed into Chromium's en-US date field, and as the field's value. */
function inTwentyDays() {
  const day = new Date(Date.now() + 20 * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    // The year segment takes up to six digits, so an arrow moves on to the time.
    date: `${pad(day.getMonth() + 1)}${pad(day.getDate())}${day.getFullYear()}`,
    time: "0700P",
    value: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T19:00`,
  };
}

/**
 * Holds the page's calls to `procedure` until `release` (so what the page
 * shows meanwhile can be checked), then lets them reach the server or drops
 * them as a lost connection would.
 */
async function holdCalls(page: Page, procedure: string, outcome: "deliver" | "drop") {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handled: Promise<void>[] = [];
  const matches = (url: URL) => url.pathname.includes(procedure);
  await page.route(matches, (route) => {
    const done = released.then(() => (outcome === "deliver" ? route.continue() : route.abort("internetdisconnected")));
    handled.push(done);
    return done;
  });
  return async () => {
    release();
    await Promise.all(handled);
    await page.unroute(matches);
  };
}

describe("the app as members use it", () => {
  it("a member does everything with the keyboard alone: signs up, starts a club, schedules a book, answers and reads", async () => {
    // Dark by the system's preference: every page below is also checked by axe in dark colours.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: DESKTOP,
      colorScheme: "dark",
      locale: "en-US",
    });
    const page = await context.newPage();
    await page.goto("/");
    await tabAndPress(page, page.getByRole("link", { name: "Start reading together" }));
    await tabAndType(page, page.getByLabel("E-mail"), "keyes@example.com");
    await tabAndType(page, page.getByLabel("Username"), "keyes");
    await tabAndType(page, page.getByLabel("Display name"), "Keyes");
    await tabAndType(page, page.getByLabel("Password"), "reading together is better");
    await page.keyboard.press("Enter");
    await shows(page.getByRole("heading", { name: "Welcome back, Keyes" }));
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);

    await tabAndPress(
      page,
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clubs", exact: true }),
    );
    await tabAndPress(page, page.getByRole("link", { name: "Start a club" }));
    await tabAndType(page, page.getByLabel("Name", { exact: true }), "Night Owls");
    await tabAndPress(page, page.getByLabel("We meet online"), "Space");
    await tabAndPress(page, page.getByRole("button", { name: "Create club" }));
    await shows(page.getByRole("heading", { name: "Night Owls" }));

    // The book search, the date and the link, all typed; the choice made with Enter.
    await tabAndType(page, page.getByLabel("Book", { exact: true }), "quiet");
    await tabAndPress(page, page.getByRole("button", { name: "Choose The Quiet Shelf" }));
    const when = inTwentyDays();
    await tabAndType(page, page.getByLabel("Starts at"), when.date);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type(when.time);
    expect(await page.getByLabel("Starts at").inputValue()).toBe(when.value);
    await tabAndType(page, page.getByLabel("Video link"), "https://meet.example.com/owls");
    await tabAndPress(page, page.getByRole("button", { name: "Schedule meeting" }));
    await shows(page.getByRole("heading", { name: "The Quiet Shelf" }));
    const meetingPath = new URL(page.url()).pathname;

    await tabAndPress(page, page.getByRole("button", { name: "Going", exact: true }));
    await expect
      .poll(() => page.getByRole("button", { name: "Going", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");
    await tabTo(page, page.getByLabel(/Page reached/));
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("50");
    await page.keyboard.press("Enter");
    await expect.poll(() => barValue(page, "Keyes")).toBe("25");
    await shows(page.getByText("Last saved: page 50 (25%)."));
    await checkPage(page, "meeting-keyboard-dark");

    // Home: the next meeting counts down, the read shows its bar and the days left.
    await tabAndPress(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }));
    const comingUp = page.getByRole("region", { name: "Coming up" });
    await expect.poll(() => comingUp.getByRole("link", { name: "The Quiet Shelf" }).isVisible()).toBe(true);
    expect(await comingUp.locator("time").first().textContent()).toMatch(/^in (19|20|21) days$/);
    const reads = page.getByRole("region", { name: "Your reads" });
    await expect
      .poll(() =>
        reads.getByRole("progressbar", { name: "Your progress in The Quiet Shelf" }).getAttribute("aria-valuenow"),
      )
      .toBe("25");
    expect(await reads.textContent()).toMatch(/(19|20|21) days left/);
    await shows(page.getByRole("region", { name: "Your clubs" }).getByRole("link", { name: "Night Owls" }));
    await shows(page.getByText("Nothing yet. When your friends report pages"));
    await checkPage(page, "home-dashboard-dark");
    // The meeting's address works on its own (a reload, a shared link).
    await page.goto(meetingPath);
    await expect.poll(() => barValue(page, "Keyes")).toBe("25");
    await context.close();
  });

  it("answers and pages show at once, and go back when the server or the network refuses them", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const first = await signUp(context, "ottilie");
    const { meetingPath } = await createClubWithMeeting(first, "Quick Readers", "Harbour Lights");
    await first.getByRole("button", { name: "Going", exact: true }).click();
    await shows(first.getByLabel(/Page reached/));
    // A second tab of the same member, opened before the first one reports.
    const second = await context.newPage();
    await second.goto(meetingPath);
    await shows(second.getByLabel(/Page reached/));

    // Held on its way, the new page is already on the bar.
    let deliver = await holdCalls(first, "progress.update", "deliver");
    await first.getByLabel(/Page reached/).fill("150");
    await first.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => barValue(first, "Ottilie")).toBe("50");
    await deliver();
    await shows(first.getByText("Last saved: page 150 (50%)."));
    await expect.poll(() => barValue(second, "Ottilie")).toBe("50");

    // The second tab still reports on top of the old version: shown at once, refused, put back.
    deliver = await holdCalls(second, "progress.update", "deliver");
    await second.getByLabel(/Page reached/).fill("60");
    await second.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => barValue(second, "Ottilie")).toBe("20");
    await deliver();
    await shows(second.getByRole("button", { name: "Save page 60 anyway" }));
    await expect.poll(() => barValue(second, "Ottilie")).toBe("50");
    await checkPage(second, "progress-conflict");

    // An answer lost with the connection: pressed at once, then back to the previous one, with a message.
    const going = first.getByRole("button", { name: "Going", exact: true });
    const interested = first.getByRole("button", { name: "Interested", exact: true });
    const drop = await holdCalls(first, "meetings.rsvp", "drop");
    await interested.click();
    await expect.poll(() => interested.getAttribute("aria-pressed")).toBe("true");
    await drop();
    await expect.poll(() => going.getAttribute("aria-pressed")).toBe("true");
    expect(await interested.getAttribute("aria-pressed")).toBe("false");
    await shows(first.getByRole("region", { name: "Are you coming?" }).getByRole("alert"));
    await checkPage(first, "rsvp-rolled-back");
    await context.close();
  });

  it("the theme follows the system until the member picks one, and the pick survives a reload", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP, colorScheme: "dark" });
    const page = await context.newPage();
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await page.goto("/");
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await isDark()).toBe(true);
    await checkPage(page, "landing-dark");

    await toggle.click();
    await expect.poll(isDark).toBe(false);
    await page.reload();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await isDark()).toBe(false);
    await checkPage(page, "landing-light");

    // Unknown addresses get the not-found page, in the chosen theme.
    await page.goto("/shelves/nowhere");
    await shows(page.getByRole("heading", { name: "Page not found" }));
    expect(await isDark()).toBe(false);
    await context.close();
  });
});
