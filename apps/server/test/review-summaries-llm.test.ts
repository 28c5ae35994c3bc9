import { afterAll, describe, expect, it, vi } from "vitest";
import { createLlmClient } from "../src/services/llm-client.js";
import { composeSummary } from "../src/services/review-summaries.js";
import { startFakeChatCompletions } from "./fake-chat-completions.js";
import { startTestServer } from "./harness.js";
import { reviewedBook } from "./reviews-support.js";

const fake = await startFakeChatCompletions();
const elsewhere = await startFakeChatCompletions();
afterAll(async () => {
  await fake.close();
  await elsewhere.close();
});

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const REVIEWS = [
  { id: id(1), rating: 9, spoiler: false, text: "The dragon scenes are thrilling and the prose sings." },
  { id: id(2), rating: 8, spoiler: false, text: "Thrilling dragon fights, lovely prose, a slow start." },
  { id: id(3), rating: 3, spoiler: false, text: "Slow pacing ruined the middle for me." },
  { id: id(4), rating: 10, spoiler: true, text: "The dragon dies at the end and the prose mourns it." },
];

const client = (timeoutMs = 2000) =>
  createLlmClient({
    baseUrl: fake.baseUrl,
    apiKey: "test-key",
    model: "fake-model",
    timeoutMs,
    retries: 1,
    breakerResetMs: 100,
  });

describe("review summaries by a language model (a local chat-completions server)", () => {
  it("keeps cited sentences the reviews support, drops unknown, spoiler and unsupported citations", async () => {
    fake.setMode({
      kind: "answer",
      write: (ids) => [
        { text: "Readers found the dragon scenes thrilling.", reviewIds: [ids[0] ?? "", ids[1] ?? ""] },
        { text: "Some found the pacing slow.", reviewIds: [ids[2] ?? "", id(99)] },
        { text: "The dragon dies at the end.", reviewIds: [id(4)] },
        { text: "Everyone adored the romance.", reviewIds: [ids[0] ?? ""] },
        { text: "It is a masterpiece.", reviewIds: [] },
      ],
    });
    const before = fake.requests.length;
    const summary = await composeSummary(REVIEWS, client());
    expect(summary).toEqual({
      kind: "abstractive",
      sentences: [
        { text: "Readers found the dragon scenes thrilling.", reviewIds: [id(1), id(2)] },
        { text: "Some found the pacing slow.", reviewIds: [id(3)] },
      ],
    });
    const request = fake.requests[before];
    expect(request).toMatchObject({ method: "POST", path: "/v1/chat/completions", authorization: "Bearer test-key" });
    expect(request?.body.model).toBe("fake-model");
    // The spoiler-flagged review is never sent.
    expect(JSON.stringify(request?.body)).not.toContain(id(4));
  });

  it.each([
    ["malformed JSON", { kind: "malformed-json" } as const],
    ["a non-JSON message", { kind: "content", content: "Here is your summary: it is good." } as const],
    ["the wrong shape", { kind: "content", content: '{"summary": "good"}' } as const],
    [
      "no sentence surviving the check",
      { kind: "content", content: '{"sentences":[{"text":"Great.","reviewIds":["x"]}]}' } as const,
    ],
    ["a server error", { kind: "status", status: 500 } as const],
    ["a refusal", { kind: "status", status: 400 } as const],
  ])("falls back to the built-in summary on %s", async (_, mode) => {
    fake.setMode(mode);
    const summary = await composeSummary(REVIEWS, client());
    expect(summary?.kind).toBe("extractive");
  });

  it("falls back when the answer is too slow, without waiting for it", async () => {
    fake.setMode({ kind: "slow", delayMs: 60_000 });
    const summary = await composeSummary(REVIEWS, client(200));
    expect(summary?.kind).toBe("extractive");
  });

  it("never follows a redirect away from the configured endpoint", async () => {
    fake.setMode({ kind: "redirect", location: `${elsewhere.baseUrl}/chat/completions` });
    const summary = await composeSummary(REVIEWS, client());
    expect(summary?.kind).toBe("extractive");
    expect(elsewhere.requests).toEqual([]);
  });

  it("opens its circuit after repeated failures: later calls fail fast without a request", async () => {
    fake.setMode({ kind: "status", status: 500 });
    const llm = createLlmClient({
      baseUrl: fake.baseUrl,
      model: "m",
      timeoutMs: 1000,
      retries: 0,
      breakerResetMs: 60_000,
    });
    for (let call = 0; call < 4; call++) await llm.summarize(REVIEWS).catch(() => null);
    const sent = fake.requests.length;
    await expect(llm.summarize(REVIEWS)).rejects.toThrow(/breaker is open/i);
    expect(fake.requests.length).toBe(sent);
  });

  it("the summary job stores the checked abstractive summary when LLM_BASE_URL is set", async () => {
    const server = await startTestServer({ jobs: true, env: { LLM_BASE_URL: fake.baseUrl, LLM_MODEL: "fake-model" } });
    fake.setMode({
      kind: "answer",
      write: (ids) => [{ text: "Readers call the world building rich and strange.", reviewIds: ids.slice(0, 3) }],
    });
    const { book, saved, reader } = await reviewedBook(server, [
      { rating: 9, body: "The world building is rich and strange." },
      { rating: 8, body: "Rich world building, strange politics." },
      { rating: 7, body: "The world building felt rich and strange." },
    ]);
    const summary = await vi.waitFor(
      async () => {
        const found = await reader.client.trpc.reviews.summary.query({ bookId: book.id });
        if (!found) throw new Error("no summary yet");
        return found;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(summary.content).toEqual({
      kind: "abstractive",
      sentences: [
        { text: "Readers call the world building rich and strange.", reviewIds: saved.map((review) => review?.id) },
      ],
    });
  });
});
