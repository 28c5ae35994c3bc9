import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { signedUpClient, startTestServer } from "./harness.js";

// A database without pg_trgm (as on a server that lacks the extension): dropped before the first search.
const server = await startTestServer();
await server.sql`drop extension if exists pg_trgm cascade`;
const reader = await signedUpClient(server);

describe("book search without pg_trgm", () => {
  it("falls back to full-text search: exact words and prefixes still match, typos no longer do", async () => {
    const [index] = await server.sql<{ present: boolean }[]>`
      select exists (select 1 from pg_indexes where indexname = 'books_trigram_idx') as present`;
    expect(index?.present).toBe(false);
    await catalogBook(server, { title: "The Catcher in the Rye", authors: ["J.D. Salinger"] });
    const { trpc } = reader.client;
    expect((await trpc.books.search.query({ query: "catcher ry" })).items.map((item) => item.title)).toEqual([
      "The Catcher in the Rye",
    ]);
    expect((await trpc.books.search.query({ query: "salinger" })).items).toHaveLength(1);
    expect((await trpc.books.search.query({ query: "catcher in the rey" })).items).toEqual([]);
  });
});
