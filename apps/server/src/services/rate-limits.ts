import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited, unavailable } from "../errors.js";

export interface LimitRule {
  /** Attempts allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
}

export const defaultRateLimits = {
  logInPerIp: { points: 30, duration: 10 * 60 },
  logInPerAccount: { points: 10, duration: 15 * 60 },
  signUpPerIp: { points: 10, duration: 60 * 60 },
  resetPerIp: { points: 10, duration: 60 * 60 },
  resetPerAccount: { points: 3, duration: 60 * 60 },
  bookSearchPerUser: { points: 60, duration: 60 },
  bookSearchPerIp: { points: 300, duration: 60 },
  tradeProposalsPerUser: { points: 20, duration: 60 * 60 },
  /** Every call made with one personal access token. */
  apiTokenRequests: { points: 600, duration: 60 },
} satisfies Record<string, LimitRule>;

export type RateLimitRules = Record<keyof typeof defaultRateLimits, LimitRule>;
export type RateLimitName = keyof RateLimitRules;

export interface SharedStore {
  /** The Redis every server counts in (REDIS_URL), so N servers allow the quota once, not N times. */
  redis: Redis;
  /** Prepended to every key, so deployments (or test runs) sharing a Redis count apart. */
  prefix: string;
}

/**
 * Counters in Redis when a shared store is given (several servers behind a
 * load balancer), in process memory otherwise (one server).
 */
export function createRateLimits(rules: RateLimitRules = defaultRateLimits, shared?: SharedStore) {
  const limiters = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [
      name,
      shared
        ? new RateLimiterRedis({ storeClient: shared.redis, keyPrefix: `${shared.prefix}:rl:${name}`, ...rule })
        : new RateLimiterMemory({ keyPrefix: name, ...rule }),
    ]),
  ) as Record<RateLimitName, RateLimiterMemory | RateLimiterRedis>;

  /** Counts one attempt; throws TOO_MANY_REQUESTS (with seconds to wait) when over. */
  async function consume(name: RateLimitName, key: string): Promise<void> {
    try {
      await limiters[name].consume(key);
    } catch (error) {
      // A Redis that cannot be reached is an outage, not the caller's fault: SERVICE_UNAVAILABLE, never a 500.
      if (!(error instanceof RateLimiterRes)) throw unavailable("Try again in a moment", error);
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw rateLimited(retryAfter);
    }
  }

  async function reset(name: RateLimitName, key: string): Promise<void> {
    await limiters[name].delete(key);
  }

  return { consume, reset };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
