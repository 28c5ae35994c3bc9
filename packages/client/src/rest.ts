export { BookyApiError, type BookyErrorBody, type BookyErrorIssue } from "./errors.js";
export type { components, operations, paths } from "./generated/openapi.js";
export {
  type BookyRestClient,
  type BookyRestClientOptions,
  createBookyRestClient,
  dataOf,
} from "./rest-client.js";
export { RETRIED_STATUSES, type RetryOptions, retryAfterMs } from "./retry.js";
