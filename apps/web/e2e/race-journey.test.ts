import { clubScore, POINTS } from "@booky/domain";
import { catalogBook, signedUpClient, startTestServer } from "@booky/server/testing";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, webDist } from "./browser.js";
import { createClubWithMeeting, eventually, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

// Settlement and leaderboard refreshes are queued jobs: this server runs the queue, as production does.
const server = await startTestServer({ env: { WEB_DIST_DIR: webDist }, jobs: true });
const browser = await launchBrowser();
// The catalog books the clubs pick (the catalog's import path has journeys of its own).
await catalogBook(server, { title: "A Short Race", authors: ["Marcel Proust"], pageCount: 120 });
await catalogBook(server, { title: "Time Regained", authors: ["Marcel Proust"], pageCount: 400 });
await catalogBook(server, { title: "The Guermantes Way", authors: ["Marcel Proust"], pageCount: 600 });

/** The global boards are materialized views refreshed a couple of seconds after scores change. */
const boardsCatchUp = { timeout: 30_000 };

async function answerGoing(page: Page) {
  await page.getByRole("button", { name: "Going", exact: true }).click();
  await shows(page.getByRole("button", { name: "Place bet" }));
}

async function joinAndGo(page: Page, clubPath: string, book: string) {
  await page.goto(clubPath);
  await page.getByRole("button", { name: "Join this club" }).click();
  await page.getByRole("link", { name: book }).click();
  await answerGoing(page);
}

/** Picks a horse (waiting until the pool lists it: others' answers arrive by refresh) and stakes. */
async function bet(page: Page, horse: string, stake: number) {
  await page.getByLabel("Who will finish first?").selectOption({ label: horse });
  await page.getByLabel("Stake (points)").fill(String(stake));
  await page.getByRole("button", { name: "Place bet" }).click();
}

const shareOf = (page: Page, name: string) =>
  page.getByRole("meter", { name: `${name}'s share of the pool` }).getAttribute("value", { timeout: 15_000 });

const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));

/** A history row's amount, by what it says ("Payout — A Short Race"). */
const ledgerAmount = (page: Page, label: string) =>
  page
    .getByRole("list", { name: "Points history" })
    .getByRole("listitem")
    .filter({ hasText: label })
    .locator("span")
    .last()
    .textContent();

/** The text of a leaderboard row, by the name on it. */
const boardRow = (page: Page, table: string, name: string) =>
  page.getByRole("table", { name: table }).getByRole("row").filter({ hasText: name }).textContent({ timeout: 1_000 });

describe("the reading race", () => {
  it("three members bet, read, meet and close; everyone sees the pool settled, their points and the boards", async () => {
    const ownerContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const leonContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const odetteContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const owner = await signUp(ownerContext, "oriane");
    const leon = await signUp(leonContext, "leon");
    const odette = await signUp(odetteContext, "odette");
    const errors: string[] = [];
    for (const page of [owner, leon, odette]) page.on("pageerror", (error) => errors.push(error.message));

    // Oriane starts a club and schedules the race; all three answer "Going".
    const book = "A Short Race";
    const { clubPath, meetingPath } = await createClubWithMeeting(owner, "Combray Readers", book);
    await answerGoing(owner);
    await joinAndGo(leon, clubPath, book);
    await joinAndGo(odette, clubPath, book);
    expect(new URL(odette.url()).pathname).toBe(meetingPath);

    // Oriane backs Léon; her bet is confirmed where her focus is.
    await bet(owner, "Leon", 100);
    const ownerBet = owner.getByText("You staked 100 points on Leon.");
    await shows(ownerBet);
    await expect.poll(() => isFocused(ownerBet), eventually).toBe(true);

    // Léon stakes more than he has: the server's refusal sits under the stake; nothing is taken (his final
    // balance below counts only the bet he then places).
    await shows(leon.getByText("You have 1,000 points."));
    await bet(leon, "Leon (you)", 5000);
    await shows(leon.getByText("You do not have that many points"));
    expect(await leon.getByLabel("Stake (points)").getAttribute("aria-invalid")).toBe("true");
    await bet(leon, "Leon (you)", 100);
    await shows(leon.getByText("You staked 100 points on Leon."));

    // Odette backs Léon, thinks better of it before the start, takes it back and backs herself.
    await bet(odette, "Leon", 200);
    await shows(odette.getByText("You staked 200 points on Leon."));
    await odette.getByRole("button", { name: "Cancel my bet" }).click();
    await odette.getByRole("button", { name: "Yes, cancel my bet" }).click();
    const horsePicker = odette.getByLabel("Who will finish first?");
    await shows(horsePicker);
    await expect.poll(() => isFocused(horsePicker), eventually).toBe(true);
    await shows(odette.getByText("You have 1,000 points."));
    await bet(odette, "Odette (you)", 100);
    await shows(odette.getByText("You staked 100 points on Odette."));

    // Everyone's pool shows 300 points: two thirds on Léon (two backers), a third on Odette.
    for (const page of [owner, leon, odette]) {
      await expect.poll(() => shareOf(page, "Leon"), eventually).toBe("67");
      await expect.poll(() => shareOf(page, "Odette"), eventually).toBe("33");
      await shows(page.getByText("200 points · 2 backers · odds 1.5"));
      await shows(page.getByText("100 points · 1 backer · odds 3"));
    }
    await checkPage(leon, "race-bets-open");

    // The race: Odette starts, Léon finishes first, then Odette.
    await odette.getByLabel(/Page reached/).fill("60");
    await odette.getByRole("button", { name: "Update" }).click();
    await shows(odette.getByText("Last saved: page 60 (50%)."));
    await leon.getByRole("button", { name: "I finished the book" }).click();
    await shows(leon.getByText("You have read the whole book."));
    await odette.getByLabel(/Page reached/).fill("120");
    await odette.getByRole("button", { name: "Update" }).click();
    await shows(odette.getByText("You have read the whole book."));

    // Oriane starts the meeting (bets become final), marks everyone present and closes it.
    await owner.getByRole("button", { name: "Start the meeting" }).click();
    await owner.getByRole("button", { name: "Start now" }).click();
    const started = owner.getByText("The meeting has started: bets are final.", { exact: false });
    await shows(started);
    await expect.poll(() => isFocused(started), eventually).toBe(true);
    await shows(leon.getByText(/Bets are closed and the race is on/));
    expect(await leon.getByRole("button", { name: "Cancel my bet" }).count()).toBe(0);
    const checklist = owner.getByRole("group", { name: "Who came?" });
    await shows(checklist);
    for (const name of ["Leon", "Odette", "Oriane"]) {
      expect(await checklist.getByLabel(name).isChecked()).toBe(true);
    }
    await owner.getByRole("button", { name: "Save attendance" }).click();
    await shows(owner.getByText(`Attendance saved: 3 of 3 came. 3 earned the attendance reward (+20 points).`));
    await owner.getByRole("button", { name: "Close the meeting" }).click();
    await owner.getByRole("button", { name: "Close and settle" }).click();
    // The message the focus moved to says the bets are being settled, then (the same element) that they are.
    const closed = owner.getByText(
      /^The meeting is closed(: the bets are being settled| and the bets are settled: see the pool below)\.$/,
    );
    await shows(closed);
    await expect.poll(() => isFocused(closed), eventually).toBe(true);

    // Settlement (a job, moments later) reaches every open page: Léon won; the pool went to his backers.
    // Pool 300 over 200 staked on Léon: each 100-point bet on him gets 150.
    const verdict = "Leon finished first: the pool of 300 points went to the bets on Leon.";
    for (const page of [owner, leon, odette]) await shows(page.getByText(verdict));
    await shows(owner.getByText("Your bet on Leon won: 150 points paid out for your stake of 100 points."));
    await shows(leon.getByText("Your bet on Leon won: 150 points paid out for your stake of 100 points."));
    await shows(odette.getByText("Your bet of 100 points on Odette lost: it went to the winners."));
    await shows(odette.getByText("Winner", { exact: true }));
    await shows(owner.getByText("The meeting is closed and the bets are settled: see the pool below."));
    expect(await isFocused(closed)).toBe(true);
    await checkPage(owner, "race-settled");
    await checkPage(odette, "race-settled-loser");

    // Léon's points: the payout and the finish reward are in his history, in words.
    await leon.getByRole("link", { name: "Points", exact: true }).click();
    const leonBalance = 1000 - 100 + POINTS.attendanceReward + 150 + POINTS.finishReward;
    await shows(leon.getByText(leonBalance.toLocaleString("en-US"), { exact: true }));
    await expect.poll(() => ledgerAmount(leon, `Payout — ${book}`), eventually).toBe("+150");
    await expect.poll(() => ledgerAmount(leon, `Finish reward — ${book}`)).toBe(`+${POINTS.finishReward}`);
    await expect.poll(() => ledgerAmount(leon, `Attendance reward — ${book}`)).toBe(`+${POINTS.attendanceReward}`);
    await expect.poll(() => ledgerAmount(leon, `Stake on Leon — ${book}`)).toBe("-100");
    await expect.poll(() => ledgerAmount(leon, "Welcome grant")).toBe("+1,000");
    await shows(leon.getByText("Won 150 points"));
    await checkPage(leon, "points");

    // Odette's history keeps the cancelled bet and its refund, and her lost bet.
    await odette.getByRole("link", { name: "Points", exact: true }).click();
    await expect.poll(() => ledgerAmount(odette, `Refund — ${book}`), eventually).toBe("+200");
    await expect.poll(() => ledgerAmount(odette, `Stake on Odette — ${book}`)).toBe("-100");
    await shows(odette.getByText("Cancelled", { exact: true }));
    await shows(odette.getByText("Lost", { exact: true }));

    // Scores count what was earned: Léon 20 + 50 + 50 profit; Odette 20 + 50; Oriane 20 + 50 profit.
    const scores = { leon: 120, odette: 70, oriane: 70 };
    await odette.getByRole("link", { name: "Leaderboards", exact: true }).click();
    const everyone = "Everyone by score";
    await expect.poll(() => boardRow(odette, everyone, "Leon"), boardsCatchUp).toBe(`1Leon${scores.leon}`);
    // Odette and Oriane share second place: competition ranking, so no third.
    expect(await boardRow(odette, everyone, "Odette")).toBe(`2 tiedOdette (you)${scores.odette}`);
    expect(await boardRow(odette, everyone, "Oriane")).toBe(`2 tiedOriane${scores.oriane}`);
    await shows(odette.getByText("Your place: #2 with 70 points (tied)"));
    const clubPoints = scores.leon + scores.odette + scores.oriane;
    const clubTotal = clubScore({ points: clubPoints, finishers: 2, attendees: 3 });
    await expect
      .poll(() => boardRow(odette, "Clubs by score", "Combray Readers"), boardsCatchUp)
      .toBe(`1Combray Readers3 members · your club${clubTotal}`);

    // The club's own board is ranked live, the same way.
    await odette.getByText("My clubs", { exact: true }).click();
    const clubBoard = "Combray Readers members by score";
    await expect.poll(() => boardRow(odette, clubBoard, "Oriane"), eventually).toBe(`2 tiedOriane${scores.oriane}`);
    expect(new URL(odette.url()).searchParams.get("scope")).toBe("club");
    await checkPage(odette, "leaderboards");

    // Léon's home page: his balance and all-time rank, linking to his points.
    await leon.getByRole("link", { name: "Home" }).click();
    const card = leon.locator("section").filter({ has: leon.getByRole("heading", { name: "Your points" }) });
    await shows(card.getByText(leonBalance.toLocaleString("en-US"), { exact: true }));
    await shows(card.getByText("#1", { exact: true }));
    await checkPage(leon, "home-points");
    await card.getByRole("link", { name: "See your points" }).click();
    await shows(leon.getByRole("heading", { name: "Your points" }));

    expect(errors).toEqual([]);
    for (const context of [ownerContext, leonContext, odetteContext]) await context.close();
  }, 240_000);

  it("an admin edits a meeting's details, then cancels it: the stake on it comes back", async () => {
    const ownerContext = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const memberContext = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const owner = await signUp(ownerContext, "gilberte");
    const member = await signUp(memberContext, "robert");
    const errors: string[] = [];
    for (const page of [owner, member]) page.on("pageerror", (error) => errors.push(error.message));

    const book = "Time Regained";
    const { clubPath } = await createClubWithMeeting(owner, "Balbec Readers", book);
    await joinAndGo(member, clubPath, book);

    // The details form checks the server's rules and keeps what was not changed.
    await owner.getByRole("button", { name: "Edit details" }).click();
    await owner.getByLabel("Video link").fill("not a link");
    await owner.getByRole("button", { name: "Save details" }).click();
    await shows(owner.getByText("The link must be an http(s) URL"));
    await owner.getByLabel("Video link").fill("");
    await owner.getByRole("button", { name: "Save details" }).click();
    await shows(owner.getByText("Give a place or a link"));
    await owner.getByLabel("Place", { exact: true }).fill("The Grand Hotel, Balbec");
    // The club reads another catalog book instead, at the catalog's page count.
    await owner.getByRole("button", { name: "Change book" }).click();
    await owner.getByLabel("Book", { exact: true }).fill("guermantes");
    await owner.getByRole("button", { name: "Choose The Guermantes Way" }).click();
    await owner.getByRole("button", { name: "Save details" }).click();
    await shows(owner.getByText("Details saved."));
    await shows(owner.getByRole("heading", { name: "The Guermantes Way" }));
    for (const page of [owner, member]) {
      await shows(page.getByText("The Grand Hotel, Balbec", { exact: true }));
      await shows(page.getByText("Marcel Proust · 600 pages"));
    }

    await bet(member, "Robert (you)", 250);
    await shows(member.getByText("You staked 250 points on Robert."));

    // Cancelling asks first; every stake is refunded by the settlement job.
    await owner.getByRole("button", { name: "Cancel the meeting" }).click();
    await shows(owner.getByText("Cancel the meeting? Every stake is refunded."));
    await owner.getByRole("button", { name: "Yes, cancel the meeting" }).click();
    await shows(owner.getByText("The meeting is cancelled: every stake is being refunded."));
    await shows(member.getByText("The meeting was cancelled: every stake went back to its owner."));
    await shows(member.getByText("Your stake of 250 points on Robert was refunded."));
    await checkPage(member, "meeting-cancelled");

    await member.getByRole("link", { name: "Points", exact: true }).click();
    await expect.poll(() => ledgerAmount(member, "Refund — The Guermantes Way"), eventually).toBe("+250");
    await shows(member.getByText("1,000", { exact: true }));
    await shows(member.getByText("Refunded", { exact: true }));

    expect(errors).toEqual([]);
    await ownerContext.close();
    await memberContext.close();
  }, 120_000);

  it("a member far down the board sees their own place and neighbours, then reaches them with load more", async () => {
    // A club of 25 ranked readers built through the API: attendance at three meetings gives scores of
    // 60 (11 readers, rank 1), 40 (11, rank 12) and 20 (the member and 2 others, rank 23).
    const owner = await signedUpClient(server);
    const me = await signedUpClient(server, { displayName: "Albertine" });
    const others: Awaited<ReturnType<typeof signedUpClient>>[] = [];
    for (let index = 0; index < 24; index++) others.push(await signedUpClient(server));
    const club = await owner.client.trpc.clubs.create.mutate({
      name: "Long Board",
      category: "fiction",
      isOnline: true,
    });
    for (const reader of [me, ...others]) await reader.client.trpc.clubs.join.mutate({ clubId: club.id });
    const attendees = [others.slice(0, 11), others.slice(0, 22), [...others, me]];
    for (const [index, present] of attendees.entries()) {
      const meeting = await owner.client.trpc.meetings.create.mutate({
        clubId: club.id,
        bookId: (await catalogBook(server, { title: `Volume ${index + 1}` })).id,
        startsAt: new Date(Date.now() + 7 * 86_400_000),
        link: "https://meet.example.com/board",
      });
      if (!meeting) throw new Error("no meeting");
      await owner.client.trpc.meetings.start.mutate({ meetingId: meeting.id });
      await owner.client.trpc.meetings.recordAttendance.mutate({
        meetingId: meeting.id,
        attendance: present.map((reader) => ({ userId: reader.user.id, attended: true })),
      });
    }

    const context = await browser.newContext({ baseURL: server.url, viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`/log-in?next=${encodeURIComponent(`/leaderboards?scope=club&club=${club.id}`)}`);
    await page.getByLabel("E-mail").fill(me.details.email);
    await page.getByLabel("Password").fill(me.details.password);
    await page.getByRole("button", { name: "Log in" }).click();

    const table = page.getByRole("table", { name: "Long Board members by score" });
    await shows(page.getByText("Your place: #23 with 20 points (tied)"));
    // The first page (20 rows), then the place just above the member, the member, and just below.
    const myRow = table.locator('tr[aria-current="true"]');
    await shows(myRow);
    expect(await myRow.textContent()).toBe("23 tiedAlbertine (you)20");
    expect(await table.getByText("Further down the board, around you:").count()).toBe(1);
    // Ties are ordered by id: the member has two places above, and below as many of the 2 others as sort after.
    const below = [others[22], others[23]].filter((reader) => (reader?.user.id ?? "") > me.user.id).length;
    expect(await table.getByRole("row").count()).toBe(1 + 20 + 1 + 2 + 1 + below);
    await checkPage(page, "leaderboards-neighbours");

    // Loading the rest puts the member in the list itself; the neighbourhood folds away.
    await page.getByRole("button", { name: "Load more members" }).click();
    await expect.poll(() => table.getByText("Further down the board, around you:").count(), eventually).toBe(0);
    expect(await table.getByRole("row").count()).toBe(1 + 25);
    expect(await myRow.textContent()).toBe("23 tiedAlbertine (you)20");
    expect(await page.getByRole("button", { name: "Load more members" }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
