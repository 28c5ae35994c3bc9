import { randomBytes } from "node:crypto";
import { defaultDataDir } from "@booky/db";
import { DEFAULT_AUTO_HIDE_REPORTS } from "@booky/domain";
import { z } from "zod";
import { persistedSigningSecret } from "./signing-secret.js";

const csv = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

const booleanish = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** A whole number read from the environment, within bounds. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: wholeNumber(0, 65_535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: wholeNumber(1, 500).default(10),
  DATA_DIR: z.string().min(1).optional(),
  /** Shared state of several servers (rate limits); unset, each server counts in its own memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).max(100).default("booky"),
  PUBLIC_URL: z.url().optional(),
  CORS_ORIGINS: csv.default([]),
  TRUST_PROXY: booleanish.default(false),
  BODY_LIMIT_BYTES: wholeNumber(1024).default(256 * 1024),
  TRPC_MAX_BATCH_SIZE: wholeNumber(1, 100).default(20),
  /** `native` serves tRPC's wire format straight from Fastify (src/http/trpc-handler.ts); `adapter` is tRPC's own plugin. */
  TRPC_HANDLER: z.enum(["native", "adapter"]).default("native"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  JWT_ISSUER: z.string().min(1).default("booky"),
  JWT_AUDIENCE: z.string().min(1).default("booky-web"),
  ACCESS_TOKEN_TTL_SECONDS: wholeNumber(30, 900).default(600),
  REFRESH_TOKEN_TTL_DAYS: wholeNumber(1, 90).default(30),
  PASSWORD_RESET_TTL_MINUTES: wholeNumber(5, 24 * 60).default(30),
  COOKIE_SECURE: booleanish.default(true),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Booky <no-reply@booky.example>"),
  WEB_DIST_DIR: z.string().min(1).optional(),
  SEED_DEMO_DATA: booleanish.default(false),
  /** Run the job queue's workers inside the server; turn off when separate `worker` processes do it. */
  JOBS_IN_PROCESS: booleanish.default(true),
  JOBS_CONCURRENCY: wholeNumber(1, 32).default(2),
  /** A job runner not heard from for this long is dead: its locked jobs are unlocked and run again. */
  JOBS_WORKER_TIMEOUT_SECONDS: wholeNumber(2, 3600).default(60),
  /** Delivered messages stay in the mail outbox (mail_deliveries) this long, then the daily prune removes them. */
  MAIL_OUTBOX_RETENTION_DAYS: wholeNumber(1, 3650).default(30),
  GOOGLE_BOOKS_ENABLED: booleanish.default(true),
  GOOGLE_BOOKS_BASE_URL: z.url({ protocol: /^https?$/ }).default("https://www.googleapis.com"),
  GOOGLE_BOOKS_API_KEY: z.string().min(1).optional(),
  GOOGLE_BOOKS_TIMEOUT_MS: wholeNumber(50, 30_000).default(2500),
  GOOGLE_BOOKS_RETRIES: wholeNumber(0, 5).default(2),
  GOOGLE_BOOKS_BUDGET_MS: wholeNumber(100, 60_000).default(6000),
  GOOGLE_BOOKS_RATE_PER_MINUTE: wholeNumber(1, 10_000).default(60),
  GOOGLE_BOOKS_BREAKER_RESET_MS: wholeNumber(100, 600_000).default(30_000),
  GOOGLE_BOOKS_CACHE_TTL_SECONDS: wholeNumber(1).default(7 * 24 * 3600),
  /** An OpenAI-compatible chat-completions endpoint for review summaries; without it the built-in summary is used. */
  LLM_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: wholeNumber(50, 120_000).default(20_000),
  LLM_RETRIES: wholeNumber(0, 5).default(1),
  /** Reports from this many distinct members hide a text pending review; 0 turns auto-hide off. */
  MODERATION_AUTO_HIDE_REPORTS: wholeNumber(0, 1000).default(DEFAULT_AUTO_HIDE_REPORTS),
  /** Lets webhooks reach loopback and private addresses over plain http: for tests only, never in production. */
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: booleanish.default(false),
  WEBHOOK_TIMEOUT_MS: wholeNumber(100, 60_000).default(10_000),
});

export type Env = z.input<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment once; a bad value names its variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  // An empty variable (e.g. `SMTP_URL=` from a compose file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === "production" && !values.JWT_SECRET) {
    throw new ConfigError("Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production");
  }
  if (values.NODE_ENV === "production" && values.WEBHOOKS_ALLOW_PRIVATE_TARGETS) {
    throw new ConfigError("Invalid configuration:\n  WEBHOOKS_ALLOW_PRIVATE_TARGETS: never in production");
  }
  return {
    ...values,
    JWT_SECRET: values.JWT_SECRET ?? signingSecret(values.NODE_ENV, values.DATA_DIR ?? defaultDataDir),
    PUBLIC_URL: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
  };
}

/**
 * Without JWT_SECRET: tests sign with a throwaway secret of their own; any
 * other run generates one on its first start and keeps it under DATA_DIR.
 */
function signingSecret(nodeEnv: string, dataDir: string): string {
  if (nodeEnv === "test") return randomBytes(48).toString("base64url");
  return persistedSigningSecret(dataDir);
}

export type Config = ReturnType<typeof loadConfig>;

/** For entry points: the configuration, or a message naming the bad variable and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
