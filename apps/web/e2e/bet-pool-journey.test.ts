import { catalogBook, signedUpClient, startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { eventually, logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";
import { horsesOffered } from "./racing.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();
const book = await catalogBook(server, { title: "Sodom and Gomorrah", authors: ["Marcel Proust"], pageCount: 500 });

describe("a big meeting's pool", () => {
  it("a bettor finds an attendee beyond the first page of horses by name and backs them; the rest load on demand", async () => {
    // 23 racers built through the API; 20 of them backed with a point each, so the first page (20 horses, most
    // backed first) holds only those, and Odette, unbacked, is on the second.
    const owner = await signedUpClient(server);
    const me = await signedUpClient(server, { displayName: "Charlus" });
    const odette = await signedUpClient(server, { displayName: "Odette de Crécy" });
    const others: Awaited<ReturnType<typeof signedUpClient>>[] = [];
    for (let index = 0; index < 21; index++) others.push(await signedUpClient(server));
    const club = await owner.client.trpc.clubs.create.mutate({
      name: "Big Salon",
      category: "fiction",
      isOnline: true,
    });
    const racers = [me, odette, ...others];
    for (const reader of racers) await reader.client.trpc.clubs.join.mutate({ clubId: club.id });
    const meeting = await owner.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId: book.id,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      link: "https://meet.example.com/salon",
    });
    if (!meeting) throw new Error("no meeting");
    for (const reader of racers) {
      await reader.client.trpc.meetings.rsvp.mutate({ meetingId: meeting.id, status: "going" });
    }
    for (const [index, bettor] of others.slice(0, 20).entries()) {
      const horse = others[(index + 1) % 20];
      if (!horse) throw new Error("no horse");
      await bettor.client.trpc.bets.place.mutate({ meetingId: meeting.id, horseId: horse.user.id, stake: 1 });
    }

    const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
    const page = await logIn(context, me);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`/meetings/${meeting.id}`);
    const horses = page.getByRole("list", { name: "The horses" }).getByRole("listitem");
    await shows(page.getByRole("button", { name: "Place bet" }));
    await expect.poll(() => horses.count(), eventually).toBe(20);
    expect(await horsesOffered(page)).toHaveLength(20);
    expect(await horsesOffered(page)).not.toContain("Odette de Crécy");

    // Not among the loaded horses: the bettor searches the whole pool by part of her name.
    await page.getByLabel("Find an attendee").fill("odet");
    await shows(page.getByText("1 attendee matches: pick one below."));
    await expect.poll(() => horsesOffered(page), eventually).toEqual(["Odette de Crécy"]);
    await page.getByLabel("Who will finish first?").selectOption({ label: "Odette de Crécy" });
    await checkPage(page, "bet-pool-find-attendee");
    // A search for nobody says so; the horse picked stays offered.
    await page.getByLabel("Find an attendee").fill("zzz");
    await shows(page.getByText("No attendee matches", { exact: false }));
    expect(await horsesOffered(page)).toEqual(["Odette de Crécy"]);
    await page.getByLabel("Stake (points)").fill("25");
    await page.getByRole("button", { name: "Place bet" }).click();
    await shows(page.getByText("You staked 25 points on Odette de Crécy."));

    // Backed with the most, she leads the pool; "Show more horses" brings the rest, then goes.
    await shows(horses.first().getByText("Odette de Crécy"));
    await page.getByRole("button", { name: "Show more horses" }).click();
    await expect.poll(() => horses.count(), eventually).toBe(23);
    await expect.poll(() => page.getByRole("button", { name: "Show more horses" }).count(), eventually).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
