import { startTestServer } from "@booky/server/testing";
import { describe, expect, it } from "vitest";
import { launchBrowser, webDist } from "./browser.js";
import { shows, signUp } from "./members.js";
import { checkPage } from "./page-check.js";

const server = await startTestServer({ jobs: true, env: { WEB_DIST_DIR: webDist } });
const browser = await launchBrowser();

/** A Goodreads export as Goodreads writes it: BOM, `="…"` ISBNs, HTML in a review, a row without a title. */
const goodreadsFile = [
  "\uFEFFBook Id,Title,Author,Additional Authors,ISBN,ISBN13,My Rating,Number of Pages,Date Read,Bookshelves,Exclusive Shelf,My Review,Owned Copies",
  `1,"Dune (Dune, #1)",Frank Herbert,,"=""0441172717""","=""9780441172719""",5,604,2023/01/20,"favorites",read,"Spice <b>and</b> sand.<br/>Twice.",1`,
  `2,The Left Hand of Darkness,Ursula K. Le Guin,,"=""""","=""""",0,304,,to-read (#3),to-read,,0`,
  `3,,Nobody,,,,0,,,,to-read,,0`,
].join("\n");

describe("importing a library", () => {
  it("a member imports a Goodreads export, watches it finish, sees the failed row and the shelves fill", async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    const page = await signUp(context, "ottoline");
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.getByRole("link", { name: "Shelves", exact: true }).click();
    await shows(page.getByText("No books here yet: set a status on a book's page, or import your Goodreads library."));
    await page.getByRole("link", { name: "Import from Goodreads or StoryGraph, or export your library" }).click();
    await page.getByLabel("Export file (CSV)").setInputFiles({
      name: "goodreads_library_export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(goodreadsFile),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await shows(page.getByRole("heading", { name: "Import finished" }));
    await expect
      .poll(() => page.getByTestId("import-counts").textContent())
      .toBe("3 of 3 rows · 0 matched · 2 added to the catalog · 0 already imported · 1 failed");
    expect(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe("100");
    const failed = page.getByRole("list", { name: "Rows that failed" });
    await shows(failed.getByText("The row has no title"));
    await checkPage(page, "import");

    await page.getByRole("link", { name: "See your shelves" }).click();
    const shelf = page.getByRole("list", { name: "Books on my shelves" });
    await shows(shelf.getByRole("link", { name: "Dune (Dune, #1)" }));
    await shows(shelf.getByText("Read · 5 ★"));
    await shows(shelf.getByText("Want to read"));
    await shows(page.getByRole("list", { name: "My own shelves" }).getByText("favorites"));
    await shows(page.getByRole("list", { name: "My copies" }).getByText("Dune (Dune, #1)"));
    await checkPage(page, "shelves");

    await shelf.getByRole("link", { name: "Dune (Dune, #1)" }).click();
    await shows(page.getByRole("heading", { name: "Dune (Dune, #1)" }));
    await expect.poll(() => page.getByLabel("My status").inputValue()).toBe("read");
    await shows(page.getByRole("list", { name: "My reads" }).getByText("? → 2023-01-20"));
    await checkPage(page, "book");
    expect(errors).toEqual([]);
    await context.close();
  });
});
