export { type BookyClient, type BookyClientOptions, createBookyClient, dataOf } from "./client.js";
export { BookyApiError, type BookyErrorBody, type BookyErrorIssue } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export { RETRIED_STATUSES, type RetryOptions, retryAfterMs } from "./retry.js";
