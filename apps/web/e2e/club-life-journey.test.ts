import { catalogBook, signedUpClient, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser, webDist } from "./browser.js";
import {
  castBallot,
  closePollNow,
  dragAbove,
  inOrder,
  moveByKeyboard,
  openRankedPoll,
  proposeThroughPage,
  rankingOf,
  scheduleWinner,
  setSchedule,
} from "./club-life.js";
import { eventually, logInAs, nextMonthEvening, shows } from "./members.js";
import { checkPage } from "./page-check.js";
import { raceRow, readWithoutRacing } from "./racing.js";

/**
 * Issue 22's journey through the browser, every member in their own: three
 * members propose, four vote (by drag and by keyboard), the admin closes the
 * poll, the rounds show, the winner becomes a meeting with a schedule, one
 * member reads along without racing, and each racer sees where they stand
 * against the schedule.
 */
const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();
const logIn = (who: Parameters<typeof logInAs>[2]) => logInAs(browser, server.url, who);

/** `days` from now (negative: ago) at 09:00 local time, as a datetime-local value. */
function morning(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}

/** A reader's badge on the race board: the row with their progress bar. */
const boardBadge = (page: Page, displayName: string, label: string) =>
  page
    .getByRole("listitem")
    .filter({ has: page.getByRole("progressbar", { name: `${displayName}'s progress` }) })
    .getByText(label, { exact: true });

describe("club life: from proposals to a schedule", () => {
  it("three members propose, four vote by drag and by keyboard, the rounds show, the winner gets a meeting and a schedule, one reads without racing, and each member sees their standing", async () => {
    const host = await signedUpClient(server);
    const [a, b, c] = [await signedUpClient(server), await signedUpClient(server), await signedUpClient(server)];
    // A fourth member who will read along without racing.
    const d = await signedUpClient(server);
    const club = await host.client.trpc.clubs.create.mutate({
      name: "Harbour Readers",
      category: "fiction",
      isOnline: true,
    });
    for (const member of [a, b, c, d]) await member.client.trpc.clubs.join.mutate({ clubId: club.id });
    const [lighthouse, winter, paper] = [
      await catalogBook(server, { title: "The Lighthouse Keeper", pageCount: 240 }),
      await catalogBook(server, { title: "Winter Orchard", pageCount: 320 }),
      await catalogBook(server, { title: "Paper Moons", pageCount: 180 }),
    ];

    // 1. Three members each propose a catalog book through the page, with a pitch.
    const [alice, bea, cal] = [await logIn(a), await logIn(b), await logIn(c)];
    await proposeThroughPage(alice, club.slug, "lighthouse keeper", lighthouse, "A **storm** and a secret.");
    await shows(alice.locator("strong", { hasText: "storm" }));
    await proposeThroughPage(bea, club.slug, "winter orchard", winter, "Snow, apples and a _feud_.");
    await shows(bea.locator("em", { hasText: "feud" }));
    await proposeThroughPage(cal, club.slug, "paper moons", paper, "Short and **strange**.");
    await shows(cal.locator("strong", { hasText: "strange" }));
    await checkPage(cal, "proposals");

    // 2. The owner opens a ranked-choice poll among the three, closing next month.
    const owner = await logIn(host);
    const pollId = await openRankedPoll(owner, club.slug, [lighthouse, winter, paper], nextMonthEvening());

    // 3. Four members vote; each ballot starts in the poll's order, the proposals' (newest first), which is also
    // the tie-break order: moons, orchard, lighthouse.
    const pollPath = `/clubs/${club.slug}/polls/${pollId}`;
    await expect.poll(() => rankingOf(owner), eventually).toEqual(inOrder(paper, winter, lighthouse));
    // The owner by drag: the orchard to the top.
    await dragAbove(owner, winter, paper);
    await expect.poll(() => rankingOf(owner), eventually).toEqual(inOrder(winter, paper, lighthouse));
    await checkPage(owner, "ballot-dragged");
    await castBallot(owner);
    // Alice by keyboard: the lighthouse up two places.
    await alice.goto(pollPath);
    await moveByKeyboard(alice, lighthouse, "ArrowUp", [2, 1], 3);
    await expect.poll(() => rankingOf(alice), eventually).toEqual(inOrder(lighthouse, paper, winter));
    await castBallot(alice);
    // Bea by keyboard: the orchard up one place.
    await bea.goto(pollPath);
    await moveByKeyboard(bea, winter, "ArrowUp", [1], 3);
    await expect.poll(() => rankingOf(bea), eventually).toEqual(inOrder(winter, paper, lighthouse));
    await castBallot(bea);
    // Cal keeps the listed order.
    await cal.goto(pollPath);
    await castBallot(cal);

    // 4. The owner closes the poll (the close job does the same at the closing time).
    await owner.reload();
    await shows(owner.getByText("4 ballot(s)", { exact: false }));
    await closePollNow(owner);

    // 5. The rounds chart: round 1 orchard 2, moons 1, lighthouse 1: the lighthouse goes (the tie-break: listed last),
    // to the moons; round 2 a tie at 2, broken by round 1: the moons go, to the orchard; round 3 it wins, 4 to 0.
    const rounds = owner.getByRole("list", { name: "Rounds" });
    await shows(rounds.getByRole("heading", { name: "Round 3" }));
    await shows(
      rounds.getByText(
        `${lighthouse.title} is eliminated (tie broken by the stated rule); its votes go to ${paper.title} (1).`,
      ),
    );
    await shows(
      rounds.getByText(
        `${paper.title} is eliminated (tie broken by the stated rule); its votes go to ${winter.title} (2).`,
      ),
    );
    await checkPage(owner, "poll-results");
    // Members see the same results.
    await bea.reload();
    await shows(bea.getByRole("list", { name: "Rounds" }).getByRole("heading", { name: "Round 3" }));

    // 6. The winner becomes a meeting in one step: the schedule form comes with it picked.
    const meetingId = await scheduleWinner(owner, winter, "https://meet.example.com/harbour");

    // 7. The owner adds a reading schedule: page 40 was due yesterday, page 200 is due on the meeting's morning.
    await setSchedule(owner, [
      { untilPage: 40, by: morning(-1) },
      { untilPage: 200, by: nextMonthEvening().replace("T19:00", "T09:00") },
    ]);
    await checkPage(owner, "schedule");

    // The members go and report how far they are: Alice past the next milestone, Bea past the one due, Cal short of it,
    // and the fourth member halfway.
    for (const [member, page] of [
      [a, 210],
      [b, 60],
      [c, 12],
      [d, 150],
    ] as const) {
      await member.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
      await member.client.trpc.progress.update.mutate({ meetingId, page, expectedVersion: 0 });
    }

    // The fourth member turns racing off on the meeting's page, from the keyboard; they still see their own page.
    const dee = await logIn(d);
    await dee.goto(`/meetings/${meetingId}`);
    await readWithoutRacing(dee, d.details.displayName);
    await shows(raceRow(dee, `${d.details.displayName} (you)`).getByText("page 150", { exact: false }));
    await checkPage(dee, "reading-without-racing");

    // 8. The race board shows each reader's badge against the schedule.
    await owner.reload();
    await shows(boardBadge(owner, a.details.displayName, "Ahead"));
    await shows(boardBadge(owner, b.details.displayName, "On track"));
    await shows(boardBadge(owner, c.details.displayName, "Behind"));
    // The one reading without racing shows as "reading", without a page or a bar.
    const deeRow = raceRow(owner, d.details.displayName);
    await shows(deeRow.getByText("reading", { exact: true }));
    expect(await deeRow.getByRole("progressbar").count()).toBe(0);
    expect(await deeRow.textContent()).not.toContain("150");
    await checkPage(owner, "race-board-standings");

    // 9. Each member's home page shows their own badge beside the read.
    for (const [page, label] of [
      [alice, "Ahead"],
      [bea, "On track"],
      [cal, "Behind"],
    ] as const) {
      await page.goto("/");
      await shows(page.getByRole("link", { name: winter.title }).locator("..").getByText(label, { exact: true }));
    }
    await checkPage(cal, "home-behind");
  }, 300_000);
});
