import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { DESKTOP, keepScreenshot } from "./browser.js";

/** Signs a new member up in `context` through the sign-up page; returns the page, on the home page. */
export async function signUp(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("E-mail").fill(`${username}@example.com`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Display name").fill(displayNameOf(username));
  await page.getByLabel("Password").fill("reading together is better");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByRole("heading", { name: /^Welcome back/ }).waitFor();
  return page;
}

/** Logs a member made through the API in through the log-in page, in a page of `context`; returns it on the home page. */
export async function logIn(context: BrowserContext, who: { details: { email: string; password: string } }) {
  const page = await context.newPage();
  await page.goto("/log-in");
  await page.getByLabel("E-mail").fill(who.details.email);
  await page.getByLabel("Password").fill(who.details.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await shows(page.getByRole("heading", { name: /^Welcome back/ }));
  return page;
}

export const displayNameOf = (username: string) => username[0]?.toUpperCase() + username.slice(1);

/** The value of a progress bar, once it shows (polled: others' bars move by refresh, not reload). */
export const barValue = (page: Page, name: string) =>
  page.getByRole("progressbar", { name: `${name}'s progress` }).getAttribute("aria-valuenow", { timeout: 15_000 });

/**
 * Waits until `locator` is visible (the page may still be loading or
 * refreshing); on a timeout, keeps a screenshot of what the page showed instead.
 */
export async function shows(locator: Locator): Promise<void> {
  try {
    await locator.waitFor({ state: "visible", timeout: 15_000 });
  } catch (error) {
    const test = expect.getState().currentTestName ?? "unknown";
    const file = await keepScreenshot(locator.page(), `failure-${test.replace(/\W+/g, "-").slice(0, 80)}`);
    throw new Error(`${(error as Error).message}\nThe page as it was: ${file}`);
  }
}

/** For expect.poll: pages load their chunks and refresh their data in their own time, slower on a busy machine. */
export const eventually = { timeout: 15_000 };

/** The 14th of next month at 19:00 local time, as a datetime-local value. */
export function nextMonthEvening(): string {
  const day = new Date();
  day.setMonth(day.getMonth() + 1, 14);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-14T19:00`;
}

/** The owner starts a club and schedules its first meeting on a catalog book; returns both paths. */
export async function createClubWithMeeting(owner: Page, club: string, book: string) {
  await owner.goto("/clubs/new");
  await owner.getByLabel("Name", { exact: true }).fill(club);
  await owner.getByLabel("Description").fill("We race to the last page.");
  await owner.getByLabel("We meet online").check();
  await owner.getByRole("button", { name: "Create club" }).click();
  await shows(owner.getByRole("heading", { name: club }));
  const clubPath = new URL(owner.url()).pathname;
  await owner.getByLabel("Book", { exact: true }).fill(book.toLowerCase());
  await owner.getByRole("button", { name: `Choose ${book}` }).click();
  await owner.getByLabel("Starts at").fill(nextMonthEvening());
  await owner.getByLabel("Video link").fill("https://meet.example.com/race");
  await owner.getByRole("button", { name: "Schedule meeting" }).click();
  await shows(owner.getByRole("heading", { name: book }));
  return { clubPath, meetingPath: new URL(owner.url()).pathname };
}

/** A browser context of its own for a member made through the API, logged in through the log-in page. */
export async function logInAs(
  browser: Browser,
  baseURL: string,
  who: { details: { email: string; password: string } },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto("/log-in");
  await page.getByLabel("E-mail").fill(who.details.email);
  await page.getByLabel("Password").fill(who.details.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await shows(page.getByRole("heading", { name: /^Welcome back/ }));
  return page;
}
