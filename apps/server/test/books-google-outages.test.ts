import { googleBooksQueries, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { catalogBook } from "./catalog.js";
import { metric, serverWithFakeGoogle } from "./google-books-support.js";
import { rejectionOf, signedUpClient } from "./harness.js";

/** Calls to the fake for one query text. */
const callsFor = (fake: { requests: { query: URLSearchParams }[] }, q: string) =>
  fake.requests.filter((request) => request.query.get("q") === q).length;

async function timed<T>(task: () => Promise<T>) {
  const start = performance.now();
  const result = await task();
  return { result, ms: performance.now() - start };
}

describe("a misbehaving Books API never breaks a search nor poisons the cache", async () => {
  const { fake, server } = await serverWithFakeGoogle();
  const { client } = await signedUpClient(server);
  const cachedQueries = async (prefix: string) =>
    server.db.$count(googleBooksQueries, sql`${googleBooksQueries.queryKey} like ${`${prefix}|%`}`);

  it("retries 429 and 500 answers with backoff, then uses the answer", async () => {
    fake.setMode({ kind: "flaky", failures: 1, status: 429 });
    const first = await client.trpc.books.search.query({ query: "piranesi" });
    expect(first.remote).toBe("ok");
    expect(first.items.map((item) => item.title)).toEqual(["Piranesi"]);
    expect(callsFor(fake, "piranesi")).toBe(2);
    fake.setMode({ kind: "flaky", failures: 2, status: 500 });
    const second = await client.trpc.books.search.query({ query: "klara" });
    expect(second.items.map((item) => item.title)).toEqual(["Klara and the Sun"]);
    expect(callsFor(fake, "klara")).toBe(3);
  });

  it("a malformed JSON answer falls back to the catalog and is not cached; the next good answer is", async () => {
    await catalogBook(server, { title: "Ministry Papers", authors: ["Local Author"] });
    fake.setMode({ kind: "malformed-json" });
    const broken = await client.trpc.books.search.query({ query: "ministry" });
    expect(broken.remote).toBe("unavailable");
    expect(broken.items.map((item) => [item.source, item.title])).toEqual([["catalog", "Ministry Papers"]]);
    expect(await cachedQueries("ministry")).toBe(0);
    fake.setMode({ kind: "ok" });
    const fixed = await client.trpc.books.search.query({ query: "ministry" });
    expect(fixed.items.map((item) => [item.source, item.title])).toEqual([
      ["catalog", "Ministry Papers"],
      ["google", "The Ministry for the Future"],
    ]);
    expect(await cachedQueries("ministry")).toBe(1);
  });

  it("a volumes list of the wrong shape is treated the same way", async () => {
    fake.setMode({ kind: "malformed-shape" });
    const broken = await client.trpc.books.search.query({ query: "hail mary" });
    expect(broken).toMatchObject({ remote: "unavailable", items: [] });
    expect(await cachedQueries("hail mary")).toBe(0);
    fake.setMode({ kind: "ok" });
    expect((await client.trpc.books.search.query({ query: "hail mary" })).items[0]?.title).toBe("Project Hail Mary");
  });

  it("slow answers are cut off per attempt and the search falls back within its time budget", async () => {
    fake.setMode({ kind: "slow", delayMs: 2000 });
    const { result, ms } = await timed(() => client.trpc.books.search.query({ query: "garden notebook" }));
    fake.setMode({ kind: "ok" });
    expect(result.remote).toBe("unavailable");
    expect(ms).toBeLessThan(1500 + 400);
    expect(callsFor(fake, "garden notebook")).toBeGreaterThanOrEqual(2);
    expect(await cachedQueries("garden notebook")).toBe(0);
  });
});

describe("an outage opens the circuit: searches fall back at once, imports say so, and it closes again", async () => {
  const { fake, server } = await serverWithFakeGoogle();
  const { client } = await signedUpClient(server);
  const { trpc } = client;

  it("falls back within the budget while failing, then fails fast once the circuit is open", async () => {
    await trpc.books.search.query({ query: "piranesi" }); // cached before the outage
    await catalogBook(server, { title: "Outage Almanac" });
    fake.setMode({ kind: "status", status: 500 });
    for (const query of ["outage", "outage almanac", "almanac"]) {
      const { result, ms } = await timed(() => trpc.books.search.query({ query }));
      expect(result.remote).toBe("unavailable");
      expect(result.items.map((item) => item.title)).toEqual(["Outage Almanac"]);
      expect(ms).toBeLessThan(1500 + 400);
    }
    expect(await metric(server.url, "booky_google_books_circuit_open", {})).toBe(1);
    const callsBefore = fake.requests.length;
    const { result, ms } = await timed(() => trpc.books.search.query({ query: "almanac outage" }));
    expect(result).toMatchObject({ remote: "unavailable", items: [{ title: "Outage Almanac" }] });
    expect(fake.requests.length).toBe(callsBefore);
    expect(ms).toBeLessThan(300);
    expect(await metric(server.url, "booky_google_books_api_calls_total", { outcome: "rejected" })).toBeGreaterThan(0);
  });

  it("still answers cached searches during the outage", async () => {
    const cached = await trpc.books.search.query({ query: "piranesi" });
    expect(cached).toMatchObject({ remote: "ok", items: [{ title: "Piranesi", source: "google" }] });
  });

  it("an import during the outage answers SERVICE_UNAVAILABLE and adds nothing", async () => {
    const failed = await rejectionOf(trpc.books.import.mutate({ googleVolumeId: "hailMaryV04" }));
    expect(failed.data?.code).toBe("SERVICE_UNAVAILABLE");
    expect(await trpc.books.byIsbn.query({ isbn: "9780593135204" }).catch((error) => error.data?.code)).toBe(
      "NOT_FOUND",
    );
  });

  it("closes again after the reset timeout once Google answers", async () => {
    fake.setMode({ kind: "ok" });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const back = await trpc.books.search.query({ query: "hail mary" });
    expect(back).toMatchObject({ remote: "ok", items: [{ title: "Project Hail Mary" }] });
    expect(await metric(server.url, "booky_google_books_circuit_open", {})).toBe(0);
  });

  it("a server that drops connections is an outage like any other", async () => {
    fake.setMode({ kind: "down" });
    const { result, ms } = await timed(() => trpc.books.search.query({ query: "dune" }));
    fake.setMode({ kind: "ok" });
    expect(result).toMatchObject({ remote: "unavailable", items: [] });
    expect(ms).toBeLessThan(1500 + 400);
  });
});
