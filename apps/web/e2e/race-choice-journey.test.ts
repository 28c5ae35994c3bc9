import { catalogBook, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, webDist } from "./browser.js";
import { createClubWithMeeting, eventually, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";
import { horsesOffered, raceRow, readWithoutRacing, turnBettingOff } from "./racing.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist }, jobs: true });
const browser = await launchBrowser();
await catalogBook(server, { title: "Swann's Way", authors: ["Marcel Proust"], pageCount: 200 });

async function joinAndGo(page: Page, clubPath: string, book: string) {
  await page.goto(clubPath);
  await page.getByRole("button", { name: "Join this club" }).click();
  await page.getByRole("link", { name: book }).click();
  await page.getByRole("button", { name: "Going", exact: true }).click();
  await shows(page.getByRole("button", { name: "Place bet" }));
}

async function reportPage(page: Page, reached: number) {
  await page.getByLabel(/Page reached/).fill(String(reached));
  await page.getByRole("button", { name: "Update" }).click();
  await shows(page.getByText(`Last saved: page ${reached}`, { exact: false }));
}

describe("competition by choice", () => {
  it("a member reads without racing, another sees “reading” and cannot bet on them; the admin turns betting off", async () => {
    const ownerContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const gilberteContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const robertContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const owner = await signUp(ownerContext, "swann");
    const gilberte = await signUp(gilberteContext, "gilberte");
    const robert = await signUp(robertContext, "robert");
    const errors: string[] = [];
    for (const page of [owner, gilberte, robert]) page.on("pageerror", (error) => errors.push(error.message));

    const book = "Swann's Way";
    const { clubPath, meetingPath } = await createClubWithMeeting(owner, "Balbec Readers", book);
    await owner.getByRole("button", { name: "Going", exact: true }).click();
    await joinAndGo(gilberte, clubPath, book);
    await joinAndGo(robert, clubPath, book);

    // Robert backs Gilberte; then Gilberte decides to read without racing: his bet comes back.
    await robert.getByLabel("Who will finish first?").selectOption({ label: "Gilberte" });
    await robert.getByLabel("Stake (points)").fill("100");
    await robert.getByRole("button", { name: "Place bet" }).click();
    await shows(robert.getByText("You staked 100 points on Gilberte."));

    await readWithoutRacing(gilberte, "Gilberte");
    await reportPage(gilberte, 80);
    // She sees her own page.
    await shows(raceRow(gilberte, "Gilberte (you)").getByText("page 80", { exact: false }));
    await checkPage(gilberte, "race-choice-reading-without-racing");

    // Robert sees her as "reading", without her page or bar, and she is not among the horses.
    await robert.reload();
    const herRow = raceRow(robert, "Gilberte");
    await shows(herRow.getByText("reading", { exact: true }));
    expect(await herRow.getByRole("progressbar").count()).toBe(0);
    expect(await herRow.textContent()).not.toContain("80");
    await shows(robert.getByText("Your bet of 100 points was refunded", { exact: false }));
    await shows(robert.getByText("You have 1,000 points."));
    await expect.poll(() => horsesOffered(robert), eventually).not.toContain("Gilberte");
    expect(await horsesOffered(robert)).toContain("Swann");
    await checkPage(robert, "race-choice-others-see-reading");

    // Swann, the club's owner, turns betting off: the pools go, the race stays.
    await turnBettingOff(owner, clubPath);
    await checkPage(owner, "race-choice-betting-off");
    await robert.goto(meetingPath);
    await shows(robert.getByText("This club does not bet on its meetings", { exact: false }));
    expect(await robert.getByRole("button", { name: "Place bet" }).count()).toBe(0);
    await shows(raceRow(robert, "Gilberte").getByText("reading", { exact: true }));
    await checkPage(robert, "race-choice-no-pools");
    expect(errors).toEqual([]);
  }, 180_000);
});
