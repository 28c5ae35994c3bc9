import { books, eq } from "@booky/db";
import { describe, expect, it } from "vitest";
import { serverWithFakeGoogle } from "./google-books-support.js";
import { signedUpClient } from "./harness.js";
import { importDone, upload } from "./imports-support.js";

const { fake, server } = await serverWithFakeGoogle({ jobs: true });

const HEADER = "Book Id,Title,Author,ISBN,ISBN13,My Rating,Exclusive Shelf";

describe("imports match through Google Books", () => {
  it("a book the catalog lacks is found at Google by ISBN; one nobody knows is made from the file", async () => {
    const me = await signedUpClient(server);
    const file = [
      HEADER,
      `1,Piranesi (hardcover),Susanna Clarke,,"=""9781635575637""",5,read`,
      `2,A Pamphlet,Pam Phlet,,"=""9780306406157""",0,to-read`,
    ].join("\n");
    const job = await importDone(server, (await upload(server, me.client.accessToken ?? "", file)).body.id ?? "");
    expect([job.matched, job.created, job.failed]).toEqual([1, 1, 0]);
    const [piranesi] = await server.db.select().from(books).where(eq(books.isbn13, "9781635575637"));
    // Google's record, not the file's title.
    expect([piranesi?.googleVolumeId, piranesi?.title, piranesi?.pageCount]).toEqual(["pirnsiVol01", "Piranesi", 272]);
    const [pamphlet] = await server.db.select().from(books).where(eq(books.isbn13, "9780306406157"));
    expect([pamphlet?.googleVolumeId, pamphlet?.title, pamphlet?.authors]).toEqual([null, "A Pamphlet", ["Pam Phlet"]]);
    expect(fake.requests.filter((request) => request.query.get("q")?.startsWith("isbn:"))).toHaveLength(2);
  });

  it("when Google is down, rows are made from the file rather than failing", async () => {
    const me = await signedUpClient(server);
    fake.setMode({ kind: "status", status: 503 });
    try {
      const file = [HEADER, `9,Klara and the Sun,Kazuo Ishiguro,,"=""9780593318171""",4,read`].join("\n");
      const job = await importDone(server, (await upload(server, me.client.accessToken ?? "", file)).body.id ?? "");
      expect([job.created, job.failed]).toEqual([1, 0]);
    } finally {
      fake.setMode({ kind: "ok" });
    }
  });
});
