import { catalogBook, readers, startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, webDist } from "./browser.js";
import { eventually, logIn, shows } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

describe("my own shelves", () => {
  it("a member makes two shelves, renames, reorders, shares and deletes them, and sets a book's status", async () => {
    const [ada] = await readers(server, 1);
    if (!ada) throw new Error("no reader");
    const book = await catalogBook(server, { title: "The Shelved Novel" });
    const page = await logIn(await browser.newContext({ baseURL: server.url, viewport: DESKTOP }), ada);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const mine = async () =>
      (await ada.client.trpc.shelves.mine.query({ limit: 50 })).items.map(
        (shelf) => `${shelf.name}:${shelf.visibility}`,
      );

    // From my shelves to the page that manages them; two new shelves.
    await page.getByRole("link", { name: "Shelves", exact: true }).click();
    await page.getByRole("link", { name: "Manage my shelves" }).click();
    await shows(page.getByRole("heading", { name: "Manage my shelves" }));
    await shows(page.getByText("No shelves of your own yet: name one to start."));
    const list = page.getByRole("list", { name: "My shelves, in order" });
    await page.getByLabel("Shelf name").fill("Summer reads");
    await page.getByLabel("Who sees it").selectOption("public");
    await page.getByRole("button", { name: "Create shelf" }).click();
    await shows(list.getByRole("listitem", { name: "Summer reads", exact: true }));
    await page.getByLabel("Shelf name").fill("Winter");
    await page.getByLabel("Who sees it").selectOption("private");
    await page.getByRole("button", { name: "Create shelf" }).click();
    await shows(list.getByRole("listitem", { name: "Winter", exact: true }));
    await expect.poll(mine, eventually).toEqual(["Summer reads:public", "Winter:private"]);
    await checkPage(page, "shelves-created");

    // A name already taken is refused under the field; then the rename.
    const summer = list.getByRole("listitem", { name: "Summer reads", exact: true });
    await summer.getByRole("button", { name: "Rename" }).click();
    await summer.getByLabel("New name for Summer reads").fill("winter");
    await summer.getByRole("button", { name: "Save name" }).click();
    await shows(summer.getByText("You already have a shelf with this name"));
    await summer.getByLabel("New name for Summer reads").fill("Beach reads");
    await summer.getByRole("button", { name: "Save name" }).click();
    const beach = list.getByRole("listitem", { name: "Beach reads", exact: true });
    await shows(beach);

    // Winter first, then shared with friends.
    await list.getByRole("button", { name: "Move Winter up" }).click();
    await expect.poll(mine, eventually).toEqual(["Winter:private", "Beach reads:public"]);
    await expect
      .poll(() => list.getByRole("listitem").allTextContents(), eventually)
      .toEqual([expect.stringContaining("1. Winter"), expect.stringContaining("2. Beach reads")]);
    await list.getByLabel("Who sees Winter").selectOption("friends");
    await expect.poll(mine, eventually).toEqual(["Winter:friends", "Beach reads:public"]);
    await checkPage(page, "shelves-managed");

    // Deleting asks first.
    await beach.getByRole("button", { name: "Delete" }).click();
    await beach.getByRole("button", { name: "Delete shelf" }).click();
    await expect.poll(() => beach.count(), eventually).toBe(0);
    await expect.poll(mine, eventually).toEqual(["Winter:friends"]);

    // A book's status through the selector on its page, then the same selector filtering my shelves.
    await page.goto(`/books/${book.id}`);
    await shows(page.getByRole("heading", { name: "The Shelved Novel" }));
    await page.getByLabel("My status").selectOption("reading");
    await expect
      .poll(async () => (await ada.client.trpc.shelves.forBook.query({ bookId: book.id })).status, eventually)
      .toBe("reading");
    await checkPage(page, "book-status");

    await page.getByRole("link", { name: "Shelves", exact: true }).click();
    await page.getByLabel("Show").selectOption("read");
    await shows(page.getByText("No books here yet: set a status on a book's page, or import your Goodreads library."));
    await page.getByLabel("Show").selectOption("reading");
    await shows(
      page.getByRole("list", { name: "Books on my shelves" }).getByRole("link", { name: "The Shelved Novel" }),
    );
    await shows(page.getByRole("list", { name: "My own shelves" }).getByText("0 books · Friends only"));
    await checkPage(page, "shelves-page");
    expect(errors).toEqual([]);
  }, 180_000);
});
