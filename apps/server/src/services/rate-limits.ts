import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../errors.js";

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
} satisfies Record<string, LimitRule>;

export type RateLimitRules = Record<keyof typeof defaultRateLimits, LimitRule>;
export type RateLimitName = keyof RateLimitRules;

/**
 * In-process counters: right for one server. With several servers behind a
 * load balancer, swap in rate-limiter-flexible's RateLimiterRedis (same API).
 */
export function createRateLimits(rules: RateLimitRules = defaultRateLimits) {
  const limiters = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [name, new RateLimiterMemory({ keyPrefix: name, ...rule })]),
  ) as Record<RateLimitName, RateLimiterMemory>;

  /** Counts one attempt; throws TOO_MANY_REQUESTS (with seconds to wait) when over. */
  async function consume(name: RateLimitName, key: string): Promise<void> {
    try {
      await limiters[name].consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
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
