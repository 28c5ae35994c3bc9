import type { Page } from "playwright-core";
import { expect } from "vitest";
import { eventually, nextMonthEvening, shows } from "./members.js";

/** The steps of club life the journeys share: proposing, ranking a ballot by mouse or keyboard, the winner's meeting. */

type Book = { title: string };

/** What the ranking's rows read, books in this order. */
export const inOrder = (...books: Book[]) => books.map((book) => expect.stringContaining(book.title));

/** The rows of the caller's ranked ballot, top first. */
export const rankingOf = (page: Page) =>
  page.getByRole("list", { name: "Your ranking" }).getByRole("listitem").allInnerTexts();

/** A member proposes a catalog book on the club's "Next book" page, found by `search`, with a Markdown pitch. */
export async function proposeThroughPage(page: Page, clubSlug: string, search: string, book: Book, pitch: string) {
  await page.goto(`/clubs/${clubSlug}/polls`);
  await page.getByLabel("Book", { exact: true }).fill(search);
  await page.getByRole("button", { name: `Choose ${book.title}` }).click();
  await page.getByLabel("Pitch (Markdown)").fill(pitch);
  await page.getByRole("button", { name: "Propose book" }).click();
}

/** A club admin opens a ranked-choice poll among `books` (in this order) closing at `closesAt`; returns its id. */
export async function openRankedPoll(page: Page, clubSlug: string, books: Book[], closesAt = nextMonthEvening()) {
  await page.goto(`/clubs/${clubSlug}/polls`);
  for (const book of books) await page.getByRole("checkbox", { name: book.title }).check();
  await page.getByLabel("Closes at").fill(closesAt);
  await page.getByRole("button", { name: "Open poll" }).click();
  await shows(page.getByRole("heading", { name: "Ranked-choice poll" }));
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** Drags `moving`'s row by its handle, with the mouse, just above `target`'s row. */
export async function dragAbove(page: Page, moving: Book, target: Book) {
  const from = await page.getByRole("button", { name: `Reorder ${moving.title}` }).boundingBox();
  const to = await page.getByRole("button", { name: `Reorder ${target.title}` }).boundingBox();
  if (!from || !to) throw new Error("the ballot's rows are not laid out");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2 - 8, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 4, { steps: 4 });
  await page.mouse.up();
}

/**
 * Moves `moving` from the keyboard: focus its handle, Space picks it up, one
 * press of `key` per place it passes over (each move heard in the live
 * region, `places` in turn), Space puts it down at the last.
 */
export async function moveByKeyboard(
  page: Page,
  moving: Book,
  key: "ArrowUp" | "ArrowDown",
  places: number[],
  of: number,
) {
  const heard = () =>
    page
      .getByRole("status")
      .allTextContents()
      .then((texts) => texts.join(" "));
  await page.getByRole("button", { name: `Reorder ${moving.title}` }).focus();
  await page.keyboard.press("Space");
  await expect.poll(heard, eventually).toContain(moving.title);
  for (const place of places) {
    await page.keyboard.press(key);
    await expect.poll(heard, eventually).toContain(`${moving.title} is over place ${place} of ${of}.`);
  }
  await page.keyboard.press("Space");
  await expect.poll(heard, eventually).toContain(`${moving.title} put down at place ${places.at(-1)} of ${of}.`);
}

/** Casts (or changes) the ballot on the poll's page; waits until the page says it is in. */
export async function castBallot(page: Page) {
  await page.getByRole("button", { name: /^(Cast|Change) my ballot$/ }).click();
  await shows(page.getByText("Your ballot is in"));
}

/** A club admin closes the poll early from its page, as the product offers; the results then show. */
export async function closePollNow(page: Page) {
  await page.getByRole("button", { name: "Close the poll now" }).click();
  await page.getByRole("button", { name: "Close it" }).click();
  await shows(page.getByRole("heading", { name: "The next book" }));
}

/**
 * One step from the results to a meeting: the schedule form comes with the
 * winner picked; the admin adds a time and a link. Returns the meeting's id.
 */
export async function scheduleWinner(page: Page, winner: Book, link: string) {
  await page.getByRole("link", { name: "Schedule a meeting for this book" }).click();
  await shows(page.getByTestId("picked-book").filter({ hasText: winner.title }));
  await page.getByLabel("Starts at").fill(nextMonthEvening());
  await page.getByLabel("Video link").fill(link);
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await shows(page.getByRole("heading", { name: winner.title }));
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** On the meeting's page, a club admin sets its reading schedule: up to `untilPage` by `by` (datetime-local), each. */
export async function setSchedule(page: Page, milestones: { untilPage: number; by: string }[]) {
  for (const [index, milestone] of milestones.entries()) {
    await page.getByRole("button", { name: "Add a milestone" }).click();
    await page.getByLabel(`Milestone ${index + 1}: up to page`).fill(String(milestone.untilPage));
    await page.getByLabel(`Milestone ${index + 1}: by`).fill(milestone.by);
  }
  await page.getByRole("button", { name: "Save schedule" }).click();
  for (const milestone of milestones) await shows(page.getByText(`Up to page ${milestone.untilPage} by`));
}
