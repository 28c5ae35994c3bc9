import { catalogBook, signedUpClient, startTestServer } from "@booky/server/testing";
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

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

const logIn = (who: Parameters<typeof logInAs>[2]) => logInAs(browser, server.url, who);

describe("choosing the next book", () => {
  it("three books proposed, four members vote by ranked choice, the winner becomes a meeting in one step, with a schedule", async () => {
    const host = await signedUpClient(server);
    const [a, b, c] = [await signedUpClient(server), await signedUpClient(server), await signedUpClient(server)];
    const club = await host.client.trpc.clubs.create.mutate({
      name: "Orchard Readers",
      category: "fiction",
      isOnline: true,
    });
    for (const member of [a, b, c]) await member.client.trpc.clubs.join.mutate({ clubId: club.id });
    const [lighthouse, winter, paper] = [
      await catalogBook(server, { title: "The Lighthouse Keeper", pageCount: 240 }),
      await catalogBook(server, { title: "Winter Orchard", pageCount: 320 }),
      await catalogBook(server, { title: "Paper Moons", pageCount: 180 }),
    ];
    await b.client.trpc.polls.propose.mutate({ clubId: club.id, bookId: winter.id, pitch: "Snow, apples and a feud." });
    await c.client.trpc.polls.propose.mutate({ clubId: club.id, bookId: paper.id, pitch: "Short and *strange*." });

    // A member proposes the third book through the page, with a pitch.
    const member = await logIn(a);
    await proposeThroughPage(member, club.slug, "lighthouse keeper", lighthouse, "A **storm** and a secret.");
    await shows(member.locator("strong", { hasText: "storm" }));
    await checkPage(member, "polls-proposals");

    // The owner opens a ranked-choice poll among the three.
    const owner = await logIn(host);
    const pollId = await openRankedPoll(owner, club.slug, [lighthouse, winter, paper]);

    // The owner ranks with the buttons (the keyboard way): Winter Orchard, then Paper Moons, then the lighthouse.
    await owner.getByRole("button", { name: `Leave out ${lighthouse.title}` }).click();
    await owner.getByRole("button", { name: `Leave out ${paper.title}` }).click();
    await owner.getByRole("button", { name: `Rank ${paper.title}` }).click();
    await owner.getByRole("button", { name: `Rank ${lighthouse.title}` }).focus();
    await owner.keyboard.press("Enter");
    const ranking = () => rankingOf(owner);
    await expect.poll(ranking).toEqual(inOrder(winter, paper, lighthouse));
    await checkPage(owner, "poll-ballot");

    // Drag and drop with the mouse: the lighthouse, by its handle, to the top.
    await dragAbove(owner, lighthouse, winter);
    await expect.poll(ranking, eventually).toEqual(inOrder(lighthouse, winter, paper));

    // And by keyboard: Space picks the lighthouse up, two arrows down (each heard), Space puts it down.
    await moveByKeyboard(owner, lighthouse, "ArrowDown", [2, 3], 3);
    await expect.poll(ranking, eventually).toEqual(inOrder(winter, paper, lighthouse));
    await castBallot(owner);

    // Three more members vote.
    const { options } = await a.client.trpc.polls.get.query({ clubId: club.id, pollId });
    const optionOf = (bookId: string) => options.find((option) => option.book.id === bookId)?.id ?? "";
    await a.client.trpc.polls.vote.mutate({ clubId: club.id, pollId, choices: [optionOf(lighthouse.id)] });
    await b.client.trpc.polls.vote.mutate({
      clubId: club.id,
      pollId,
      choices: [optionOf(paper.id), optionOf(winter.id)],
    });
    await c.client.trpc.polls.vote.mutate({ clubId: club.id, pollId, choices: [optionOf(winter.id)] });

    // The owner closes the poll: the rounds chart shows who was eliminated and where the votes went.
    await owner.reload();
    await shows(owner.getByText("4 ballot(s)", { exact: false }));
    await closePollNow(owner);
    await shows(owner.getByRole("heading", { name: "Round 2" }));
    await shows(owner.getByText("is eliminated (tie broken by the stated rule)", { exact: false }));
    await checkPage(owner, "poll-results");

    // One step to a meeting: the schedule form comes with the winner picked.
    const meetingId = await scheduleWinner(owner, winter, "https://meet.example.com/orchard");

    // The meeting gets a reading schedule; the race board shows each reader against it.
    await host.client.trpc.meetings.rsvp.mutate({ meetingId, status: "going" });
    await setSchedule(owner, [{ untilPage: 160, by: nextMonthEvening().replace("T19:00", "T09:00") }]);
    await shows(owner.getByText("On track"));
    await checkPage(owner, "meeting-schedule");

    // The milestone gets its discussion thread, linked from the schedule; its spoiler page is the milestone's end.
    await owner.getByRole("button", { name: "Open a thread for pages up to 160" }).click();
    await owner.getByRole("link", { name: "Discuss up to page 160" }).click();
    await shows(owner.getByRole("heading", { name: "Pages 1–160" }));
    await owner.goBack();

    // The owner asks the members when to meet; a member ticks the later time, the owner too, and picks it.
    const later = nextMonthEvening().replace("T19:00", "T20:30");
    await owner.getByLabel("Time 1").fill(nextMonthEvening().replace("T19:00", "T18:00"));
    await owner.getByLabel("Time 2").fill(later);
    await owner.getByRole("button", { name: "Ask the members" }).click();
    await shows(owner.getByText("Tick every time that suits you"));
    const times = await a.client.trpc.datePolls.get.query({ meetingId });
    await a.client.trpc.datePolls.mark.mutate({ meetingId, optionIds: [times?.options[1]?.id ?? ""] });
    await owner.reload();
    await owner.getByTestId("date-option").nth(1).getByRole("checkbox").check();
    await owner.getByRole("button", { name: "Save my times" }).click();
    await shows(owner.getByText("suits 2 members"));
    await checkPage(owner, "meeting-date-poll");
    await owner.getByTestId("date-option").nth(1).getByRole("button", { name: "Pick this time" }).click();
    await shows(owner.getByText("The meeting is set for"));
    const moved = await host.client.trpc.meetings.get.query({ meetingId });
    expect(moved.startsAt.getTime()).toBe(new Date(later).getTime());

    // The home page shows the owner's standing against the schedule beside the read.
    await owner.goto("/");
    await shows(owner.getByRole("link", { name: winter.title }).locator("..").getByText("On track"));
    await checkPage(owner, "home-on-track");
  }, 240_000);
});
