import { catalogBook, signedUpClient, startTestServer } from "@booky/server/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser, PHONE, webDist } from "./browser.js";
import { eventually, logIn, shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

// The job queue runs, as in production: summaries are written by the debounced summary job.
const server = await startTestServer({ jobs: true, env: { WEB_DIST_DIR: webDist } });
const book = await catalogBook(server, { title: "Northern Lights", authors: ["Philip Pullman"] });
const browser = await launchBrowser();

const REVIEWS = [
  { who: "lyra", stars: "5 stars", body: "The world building is rich and strange. The armoured bears stole my heart." },
  { who: "will", stars: "4.5 stars", body: "Rich world building and a brave heroine. I read it in one sitting." },
  { who: "mary", stars: "2 stars", body: "The pacing is glacial and the middle drags on forever." },
];

async function review(page: Page, stars: string, body: string) {
  await page.goto(`/books/${book.id}`);
  await shows(page.getByRole("heading", { name: "Northern Lights" }));
  await page.getByRole("radio", { name: stars, exact: true }).check({ force: true });
  await page.getByLabel("Review (optional, Markdown)").fill(body);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await shows(page.getByText("Saved."));
}

describe("ratings, reviews and summaries", () => {
  it("three members review a book; the aggregate shows, then a summary quoting them with links; a fourth sees it for them", async () => {
    const errors: string[] = [];
    for (const [index, { who, stars, body }] of REVIEWS.entries()) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: index === 2 ? PHONE : { width: 1280, height: 900 },
      });
      const page = await signUp(context, who);
      page.on("pageerror", (error) => errors.push(error.message));
      await review(page, stars, body);
      if (index === 0) await checkPage(page, "book-rated");
      if (index === 2) {
        await expect
          .poll(() => page.getByTestId("rating-mean").textContent(), eventually)
          .toContain("3.83 out of 5 · 3 ratings");
        await checkPage(page, "book-rated-phone");
      }
      await context.close();
    }

    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await signUp(context, "roger");
    page.on("pageerror", (error) => errors.push(error.message));
    // Before rating anything, "Books for you" starts from what is popular, and says so.
    const forYou = page.getByRole("list", { name: "Books for you" });
    await shows(forYou.getByRole("link", { name: "Northern Lights" }));
    await shows(forYou.getByText("Popular with Booky readers"));
    await checkPage(page, "home-for-you");

    await page.goto(`/books/${book.id}`);
    const summary = page.getByTestId("review-summary");
    await expect
      .poll(
        async () => {
          // The card settles on the summary or on "appears once three readers have reviewed it" (after a reload, only
          // once its query answered: checking earlier would reload again before it could ever show).
          await summary
            .getByText(/What readers liked|A summary appears once/)
            .first()
            .waitFor();
          if (await summary.getByText("What readers liked").isVisible()) return true;
          await page.reload();
          return false;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    await shows(summary.getByText("Quotes picked from 3 reviews by Booky"));
    const quote = summary.getByRole("link", { name: /glacial/ });
    await shows(quote);
    const href = (await quote.getAttribute("href")) ?? "";
    expect(href).toMatch(/^#review-[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator(href).textContent()).toContain("The pacing is glacial");
    // Helpful, once.
    const helpful = page.locator(href).getByRole("button", { name: /Helpful/ });
    await helpful.click();
    await expect.poll(() => helpful.getAttribute("aria-pressed"), eventually).toBe("true");
    await expect.poll(() => helpful.textContent(), eventually).toContain("1");
    await checkPage(page, "book-summary");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("a member sees a reader like them and adds them as a friend, and a club reading a book they loved", async () => {
    const bears = await catalogBook(server, { title: "The Armoured Bear" });
    const witches = await catalogBook(server, { title: "Witches of the North" });
    const iorek = await signedUpClient(server, { displayName: "Iorek Byrnison" });
    const pan = await signedUpClient(server);
    for (const reader of [iorek, pan]) {
      for (const bookId of [bears.id, witches.id]) await reader.client.trpc.reviews.rate.mutate({ bookId, rating: 10 });
    }
    await iorek.client.trpc.shelves.setStatusVisibility.mutate({ visibility: "public" });
    const club = await iorek.client.trpc.clubs.create.mutate({
      name: "Svalbard readers",
      category: "fiction",
      isOnline: true,
    });
    await iorek.client.trpc.meetings.create.mutate({
      clubId: club.id,
      bookId: bears.id,
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      link: "https://meet.example.com/svalbard",
    });

    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await logIn(context, pan);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const clubsForYou = page.getByRole("list", { name: "Clubs for you" });
    await shows(clubsForYou.getByRole("link", { name: "Svalbard readers" }));
    await shows(clubsForYou.getByText("Reads The Armoured Bear: you rated The Armoured Bear 5"));
    const readers = page.getByRole("list", { name: "Readers like you" });
    const iorekItem = readers.getByRole("listitem").filter({ hasText: "Iorek Byrnison" });
    await shows(iorekItem.getByText(/100% alike · you both liked/));
    await checkPage(page, "home-readers-and-clubs");
    await iorekItem.getByRole("button", { name: "Add friend" }).click();
    await shows(iorekItem.getByText("Friend request sent."));
    const incoming = await iorek.client.trpc.friends.requests.query({ box: "incoming" });
    expect(incoming.items.map((request) => request.user.id)).toEqual([pan.user.id]);
    await page.reload();
    await shows(
      readers.getByRole("listitem").filter({ hasText: "Iorek Byrnison" }).getByText("Friend request pending"),
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
