import { fastGoogleEnv, seededCatalog, startFakeGoogleBooks, startTestServer } from "@booky/server/testing";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, webDist } from "./browser.js";
import { signUp } from "./members.js";
import { checkPage } from "./page-check.js";

// The seeded catalog offline-first, and a local server answering like Google Books for what it lacks.
const google = await startFakeGoogleBooks();
afterAll(google.close);
const server = await startTestServer({
  env: { WEB_DIST_DIR: webDist, ...fastGoogleEnv, GOOGLE_BOOKS_BASE_URL: google.url },
});
await seededCatalog(server);
const browser = await launchBrowser();

describe("books in a club's life", () => {
  it("a member searches the catalog, then schedules a meeting about a book found on Google Books", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await signUp(context, "beatrice");
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    // The catalog: local results with covers (or placeholders), authors and page counts.
    await page.getByRole("link", { name: "Books", exact: true }).click();
    await page.getByRole("searchbox", { name: "Search books" }).fill("steinbeck");
    const results = page.getByRole("list", { name: "Search results" });
    await expect.poll(() => results.getByRole("link", { name: "Of Mice and Men" }).isVisible()).toBe(true);
    await expect.poll(() => results.getByText("John Steinbeck · 103 pages").first().isVisible()).toBe(true);
    await checkPage(page, "search");
    await results.getByRole("link", { name: "Of Mice and Men" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Of Mice and Men" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("No club you can see has scheduled this book yet.").isVisible()).toBe(true);

    // A club, and its first meeting about a book only Google Books knows.
    await page.getByRole("link", { name: "Clubs", exact: true }).click();
    await page.getByRole("link", { name: "Start a club" }).click();
    await page.getByLabel("Name").fill("House of Tides");
    await page.getByLabel("We meet online").check();
    await page.getByRole("button", { name: "Create club" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "House of Tides" }).isVisible()).toBe(true);

    await page.getByLabel("Book", { exact: true }).fill("piranesi");
    const found = page.getByRole("list", { name: "Books found" });
    await expect.poll(() => found.getByText("From Google Books, not in the catalog yet").isVisible()).toBe(true);
    await found.getByRole("button", { name: "Add Piranesi to the catalog and choose it" }).click();
    await expect.poll(() => page.getByTestId("picked-book").textContent()).toBe("Piranesi");
    await expect.poll(() => page.getByText("Susanna Clarke · 272 pages").isVisible()).toBe(true);
    await page.getByLabel("Starts at").fill("2031-06-21T18:00");
    await page.getByLabel("Video link").fill("https://meet.example.com/tides");
    await checkPage(page, "schedule");
    await page.getByRole("button", { name: "Schedule meeting" }).click();

    await expect.poll(() => page.getByRole("heading", { name: "Piranesi" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Susanna Clarke · 272 pages").isVisible()).toBe(true);
    await checkPage(page, "meeting");

    // The imported book is now a catalog book, read by this club.
    await page.getByRole("link", { name: /Susanna Clarke/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Piranesi" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("link", { name: "House of Tides" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("9781635575637").isVisible()).toBe(true);
    await checkPage(page, "book");
    expect(google.requests.some((request) => request.query.get("q") === "piranesi")).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
