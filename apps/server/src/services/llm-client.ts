import type { CitedSentence, SummaryReview } from "@booky/domain";
import CircuitBreaker from "opossum";
import pRetry, { AbortError } from "p-retry";
import { z } from "zod";

export interface LlmClientOptions {
  /** e.g. https://api.openai.com/v1/ — every request goes to `<base>chat/completions` and nowhere else. */
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  /** One attempt; the whole call (retries included) gets twice that. */
  timeoutMs: number;
  retries: number;
  breakerResetMs?: number;
}

/** The parts of the chat-completions answer Booky reads. */
const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});
/** What the model is asked to answer with (in the message content, as JSON). */
const answer = z.object({
  sentences: z.array(z.object({ text: z.string().min(1).max(600), reviewIds: z.array(z.string()).max(20) })).max(20),
});

class Retriable extends Error {}

const INSTRUCTIONS = [
  "You summarize book reviews for readers deciding whether to read the book.",
  'Answer with JSON only: {"sentences":[{"text":"...","reviewIds":["<id>", ...]}]}.',
  "Write at most 6 short sentences. Every sentence must rest on the reviews whose ids it lists, using their words.",
  "Cite only ids given below. Never reveal plot twists or endings.",
].join(" ");

/** The endpoint of the configured base URL; refuses anything but http(s) there (no user-given addresses reach this). */
export function completionsUrl(baseUrl: string): URL {
  const base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new Error("LLM_BASE_URL must be http(s)");
  return new URL("chat/completions", base);
}

/**
 * An OpenAI-compatible chat-completions client for review summaries: one
 * fixed URL (redirects refused, so no answer can send it elsewhere), per
 * attempt timeouts, retries on 429/5xx/timeouts (p-retry), and a circuit
 * breaker (opossum) so an outage fails fast. Any failure or malformed
 * answer rejects; the caller keeps the built-in summary.
 */
export function createLlmClient(options: LlmClientOptions) {
  const url = completionsUrl(options.baseUrl);

  async function attempt(body: string, budget: AbortSignal): Promise<unknown> {
    const signal = AbortSignal.any([budget, AbortSignal.timeout(options.timeoutMs)]);
    const response = await fetch(url, {
      method: "POST",
      redirect: "error",
      signal,
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      },
      body,
    });
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new Retriable(`LLM answered ${response.status}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AbortError(`LLM answered ${response.status}`);
    }
    return response.json().catch((error: unknown) => {
      throw new AbortError(`LLM sent malformed JSON: ${String(error)}`);
    });
  }

  async function complete(body: string): Promise<unknown> {
    const budget = AbortSignal.timeout(options.timeoutMs * 2);
    return pRetry(() => attempt(body, budget), {
      retries: options.retries,
      minTimeout: 100,
      maxTimeout: 1000,
      signal: budget,
      shouldRetry: () => !budget.aborted,
    });
  }

  const breaker = new CircuitBreaker(complete, {
    timeout: false,
    errorThresholdPercentage: 50,
    volumeThreshold: 3,
    resetTimeout: options.breakerResetMs ?? 60_000,
  });

  /** The model's cited sentences about `reviews` (unchecked: `checkCitations` decides what stands). */
  async function summarize(reviews: readonly SummaryReview[]): Promise<CitedSentence[]> {
    const listing = reviews
      .filter((review) => !review.spoiler)
      .map((review) => `[${review.id}] (${review.rating / 2} stars) ${review.text}`)
      .join("\n\n");
    const body = JSON.stringify({
      model: options.model,
      temperature: 0,
      response_format: { type: "json_object" },
      messages: [
        { role: "system", content: INSTRUCTIONS },
        { role: "user", content: `Reviews:\n\n${listing}` },
      ],
    });
    const raw = completion.parse(await breaker.fire(body));
    const content = raw.choices[0]?.message.content ?? "";
    const parsed = answer.parse(JSON.parse(content));
    return parsed.sentences.filter((sentence): sentence is CitedSentence => sentence.reviewIds.length > 0);
  }

  return { summarize, breaker };
}

export type LlmClient = Pick<ReturnType<typeof createLlmClient>, "summarize">;

/** The configured client, or null without `LLM_BASE_URL`. */
export function llmClientFromConfig(config: {
  LLM_BASE_URL?: string | undefined;
  LLM_API_KEY?: string | undefined;
  LLM_MODEL: string;
  LLM_TIMEOUT_MS: number;
  LLM_RETRIES: number;
}): LlmClient | null {
  if (!config.LLM_BASE_URL) return null;
  return createLlmClient({
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    retries: config.LLM_RETRIES,
  });
}
