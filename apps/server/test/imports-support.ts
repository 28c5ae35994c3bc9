import { eq, importJobs } from "@booky/db";
import { vi } from "vitest";
import type { TestServer } from "./harness.js";

const GOODREADS_31 =
  "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Recommended For,Recommended By,Owned Copies,Original Purchase Date,Original Purchase Location,Condition,Condition Description,BCID";
const GOODREADS_24 =
  "Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies";

/**
 * A Goodreads export (31 columns, with a byte-order mark) as Goodreads writes
 * it: `="…"` ISBNs, an empty ISBN, `My Rating` 0, `to-read (#105)`, HTML in a
 * review with quoted commas and a newline, owned copies, a custom shelf, and a
 * row with no title. Ends with the ISBN `isbn` of a book (in the catalog, or not).
 */
export function goodreads31(options: { known: { isbn13: string }; unknownIsbn: string }) {
  const lines = [
    GOODREADS_31,
    `234225,"Dune (Dune, #1)",Frank Herbert,"Herbert, Frank",,"=""0441172717""","=""9780441172719""",5,4.27,Ace Books,Paperback,604,1990,1965,2023/01/20,2022/12/01,"favorites, sci-fi","favorites (#1), sci-fi (#12)",read,"Spice, sand <b>and</b> a boy.<br/><br/>Read it twice, ""at least""
and again.",,,2,,,1,,,very good,,`,
    `11,"Known Book",Ann Author,"Author, Ann",,"=""""","=""${options.known.isbn13}""",0,3.9,,Hardcover,300,2001,2001,,2023/02/02,to-read,to-read (#105),to-read,,,,0,,,0,,,,,`,
    `12,"Unknown to Everyone",Bea Writer,"Writer, Bea","Cy Co",,"=""${options.unknownIsbn}""",3,3.1,,Paperback,123,2010,2010,,2023/03/03,currently-reading,currently-reading (#1),currently-reading,,,,0,,,2,,,good,,`,
    `13,,Nobody,"Nobody",,,,0,0,,,,,,,2023/03/04,to-read,to-read (#106),to-read,,,,0,,,0,,,,,`,
  ];
  return `\uFEFF${lines.join("\n")}\n`;
}

/** The older 24-column form: no purchase, condition or BCID columns. */
export function goodreads24(isbn13: string) {
  return `${GOODREADS_24}\n77,"Old Form",Dee Old,"Old, Dee",,,"=""${isbn13}""",4,4,,,200,1999,1999,2020/05/05,2020/01/01,"owned-books","owned-books (#2)",read,,,,1,1\n`;
}

/** A StoryGraph export: quarter stars, did-not-finish, a Dates Read range, a UID that is no ISBN. */
export function storygraph() {
  return [
    "Title,Authors,Contributors,ISBN/UID,Format,Read Status,Date Added,Last Date Read,Dates Read,Read Count,Moods,Pace,Star Rating,Review,Content Warnings,Tags,Owned?",
    `Middlemarch,George Eliot,,sg-9a8b7c,paperback,did-not-finish,2024/01/01,2024/02/10,2024/02/01-2024/02/10,0,,,2.25,"Too long, for now",,"classics, long",Yes`,
    `"The Dispossessed","Ursula K. Le Guin",,,paperback,read,2023/01/01,2023/06/01,"2021/03/01-2021/03/05, 2023/05/20-2023/06/01",2,,,4.75,,,,No`,
  ].join("\n");
}

/** Uploads a file as the web does: the raw body to POST /imports with the member's bearer token. */
export async function upload(
  server: TestServer,
  token: string | null,
  body: string | Uint8Array,
  query = "fileName=export.csv",
) {
  const response = await fetch(`${server.url}/imports?${query}`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { id?: string; error?: { field: string; message: string } },
  };
}

/** Waits until the import has finished; returns its row. */
export function importDone(server: TestServer, importId: string) {
  return vi.waitFor(
    async () => {
      const [job] = await server.db.select().from(importJobs).where(eq(importJobs.id, importId));
      if (!job?.finishedAt) throw new Error(`import at ${job?.doneRows}/${job?.totalRows}`);
      return job;
    },
    { timeout: 30_000, interval: 100 },
  );
}
