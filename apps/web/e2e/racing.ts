import type { Page } from "playwright-core";
import { expect } from "vitest";
import { eventually, shows } from "./members.js";

/** The "Read without racing" switch of the meeting page's RSVP card. */
export const racingSwitch = (page: Page) => page.getByRole("checkbox", { name: "Read without racing" });

/**
 * A member on a meeting page they are going to switches to reading without racing, from the keyboard:
 * their own row on the race board then says they are not racing (they still see their page).
 */
export async function readWithoutRacing(page: Page, displayName: string) {
  const toggle = racingSwitch(page);
  await shows(toggle);
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => toggle.isChecked(), eventually).toBe(true);
  await shows(raceRow(page, `${displayName} (you)`).getByText("not racing", { exact: false }));
}

/** One member's row on the race board, by the name it shows. */
export const raceRow = (page: Page, name: string) =>
  page.getByRole("region", { name: "The race" }).getByRole("listitem").filter({ hasText: name });

/** The names offered in the bet form's horse picker. */
export async function horsesOffered(page: Page): Promise<string[]> {
  const options = await page.getByLabel("Who will finish first?").locator("option").allTextContents();
  return options.filter((option) => option !== "Pick an attendee");
}

/** A club admin turns betting off for all the club's meetings on the club's edit page. */
export async function turnBettingOff(page: Page, clubPath: string) {
  await page.goto(`${clubPath}/edit`);
  const toggle = page.getByRole("checkbox", { name: "Members can bet on this club's meetings" });
  await shows(toggle);
  await toggle.uncheck();
  await shows(page.getByText(/^Betting is off\./));
}
