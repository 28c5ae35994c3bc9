import { afterAll } from "vitest";
import { type FakeGoogleBooks, startFakeGoogleBooks } from "./fake-google-books.js";
import { startTestServer, type TestServerOptions } from "./harness.js";

/** Short timeouts so failure tests stay fast; the production defaults are in config.ts. */
export const fastGoogleEnv = {
  GOOGLE_BOOKS_ENABLED: "true",
  GOOGLE_BOOKS_TIMEOUT_MS: "250",
  GOOGLE_BOOKS_RETRIES: "2",
  GOOGLE_BOOKS_BUDGET_MS: "1500",
  GOOGLE_BOOKS_BREAKER_RESET_MS: "1500",
  GOOGLE_BOOKS_RATE_PER_MINUTE: "1000",
} as const;

/** A fake Books API and a Booky server pointed at it, both closed after the file. */
export async function serverWithFakeGoogle(options: TestServerOptions = {}) {
  const fake: FakeGoogleBooks = await startFakeGoogleBooks();
  afterAll(fake.close);
  const server = await startTestServer({
    ...options,
    env: { ...fastGoogleEnv, GOOGLE_BOOKS_BASE_URL: fake.url, ...options.env },
  });
  return { fake, server };
}

/** A counter's value from the server's Prometheus metrics (0 when absent). */
export async function metric(url: string, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of text.split("\n")) {
    const match = line.match(/^(\w+)(?:\{([^}]*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").split(",").sort();
    if (wanted.every((label) => have.includes(label))) return Number(match[3]);
  }
  return 0;
}
