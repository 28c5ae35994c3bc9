export { TRPCClientError } from "@trpc/client";
export { RETRIED_STATUSES, type RetryOptions, retryAfterMs } from "./retry.js";
export type { AppRouter, RouterInputs, RouterOutputs } from "./router.js";
export {
  type BookyClient,
  type BookyClientError,
  type BookyClientOptions,
  createBookyClient,
} from "./trpc-client.js";
