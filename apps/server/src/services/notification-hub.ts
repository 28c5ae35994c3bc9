import type { FastifyBaseLogger } from "fastify";
import type postgres from "postgres";
import { NOTIFICATION_CHANNEL } from "./notifications.js";

/** A subscriber's doorbell: `wait` resolves once something may be new (or at once if it already rang). */
export interface Doorbell {
  wait(signal: AbortSignal): Promise<void>;
  close(): void;
}

/**
 * One server process's ear on PostgreSQL: a dedicated connection LISTENs on
 * the notifications channel and rings the doorbells of that member's open
 * streams. The payload names ids only; a woken stream reads what is new from
 * the table, so a lost or repeated NOTIFY costs a query, never a notification.
 * When the connection comes back after a drop, every doorbell rings, since
 * anything may have happened meanwhile. postgres.js keeps LISTEN on a
 * connection of its own, outside the query pool, and re-listens after a drop.
 * Closing the hub ends every open stream, so the server can shut down.
 */
export interface NotificationHub {
  /** A doorbell for one open stream of `userId`. */
  doorbell(userId: string): Doorbell;
  /** How many streams this process holds open. */
  readonly streams: number;
  /** Aborted when the hub closes: open streams end. */
  readonly closed: AbortSignal;
  close(): Promise<void>;
}

export function createNotificationHub(client: postgres.Sql, log: FastifyBaseLogger): NotificationHub {
  const closing = new AbortController();
  const rings = new Map<string, Set<() => void>>();
  const ringAll = () => {
    for (const bells of rings.values()) for (const ring of bells) ring();
  };
  let listening = false;
  let subscription: { unlisten(): Promise<void> } | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  // Started, not awaited: a server whose database is down still starts (and says so on /readyz);
  // until the first LISTEN succeeds it retries every second, and open streams still read the table.
  const listen = () => {
    client
      .listen(
        NOTIFICATION_CHANNEL,
        (payload) => {
          const userId = payload.split(":", 1)[0] ?? "";
          for (const ring of rings.get(userId) ?? []) ring();
        },
        () => {
          if (listening) log.info("notification listener reconnected");
          listening = true;
          ringAll();
        },
      )
      .then((listener) => {
        subscription = listener;
        if (closing.signal.aborted) void listener.unlisten().catch(() => {});
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, "notification listener not connected; retrying");
        if (!closing.signal.aborted) retry = setTimeout(listen, 1_000);
      });
  };
  listen();

  return {
    doorbell(userId) {
      let rung = false;
      let wake: (() => void) | null = null;
      const ring = () => {
        rung = true;
        wake?.();
      };
      const bells = rings.get(userId) ?? new Set();
      bells.add(ring);
      rings.set(userId, bells);
      return {
        wait(signal) {
          if (rung || signal.aborted || closing.signal.aborted) {
            rung = false;
            return Promise.resolve();
          }
          return new Promise<void>((resolve) => {
            const done = () => {
              wake = null;
              rung = false;
              signal.removeEventListener("abort", done);
              closing.signal.removeEventListener("abort", done);
              resolve();
            };
            wake = done;
            signal.addEventListener("abort", done, { once: true });
            closing.signal.addEventListener("abort", done, { once: true });
          });
        },
        close() {
          bells.delete(ring);
          if (bells.size === 0) rings.delete(userId);
        },
      };
    },
    get streams() {
      let count = 0;
      for (const bells of rings.values()) count += bells.size;
      return count;
    },
    get closed() {
      return closing.signal;
    },
    async close() {
      closing.abort();
      clearTimeout(retry);
      await subscription?.unlisten().catch(() => {});
    },
  };
}
