// What the in-process benches (notifications, imports) share: Booky built in this process with rate limits out of
// the way, a bearer token for one member, and autocannon against one procedure.
import autocannon from "autocannon";
import type { Config } from "../src/config.js";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";
import { createAccessTokens } from "../src/services/tokens.js";

/** Every rate limit so high no bench reaches it. */
export const relaxedRateLimits = Object.fromEntries(
  Object.keys(defaultRateLimits).map((limit) => [limit, { points: 1_000_000_000, duration: 60 }]),
) as RateLimitRules;

/** An access token for `userId` in the session `sessionId`, valid for an hour. */
export async function benchBearer(config: Config, userId: string, sessionId: string): Promise<string> {
  const tokens = createAccessTokens({
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: 3600,
  });
  return (await tokens.sign({ userId, sessionId, role: "user" })).token;
}

/** A tRPC query's `input` parameter (superjson's wire form). */
export const trpcInput = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));

/** Requests per second and p99 of one URL under `connections` for `seconds`; any non-2xx answer fails the bench. */
export async function requestsPerSecond(
  url: string,
  options: { bearer: string; seconds: number; connections: number },
) {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${options.bearer}` },
  });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} failed answers`);
  return { rps: Math.round(result.requests.average), p99ms: result.latency.p99 };
}
