import type { EventEmitter } from "node:events";
import type { IncomingHttpHeaders } from "node:http";
import { loadavg } from "node:os";
import autocannon from "autocannon";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * What each request sends. `next` builds a request (it may change per call);
 * `onResponse` sees each answer with its headers (e.g. to advance a version).
 */
export interface LoadPlan {
  next: () => LoadRequest;
  onResponse?: (status: number, body: string, headers: Record<string, string>) => void;
  connections: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
  /** The server process's CPU time per answered call (ms; null when not measured, e.g. no /proc). */
  cpuMsPerCall?: number | null;
  /** The machine's 1-minute load average when the run ended (it is shared: this says how much of it the run had). */
  loadAverage: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const relay =
  (onResponse: NonNullable<LoadPlan["onResponse"]>) =>
  (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) =>
    onResponse(status, body, (headers ?? {}) as Record<string, string>);

/**
 * Drives `baseUrl` with autocannon for `length.seconds` (or until `length.requests` answers) and
 * returns throughput, latency percentiles and errors.
 */
export async function runLoad(
  baseUrl: string,
  plan: LoadPlan,
  length: { seconds: number; requests?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const first = plan.next();
  const instance = autocannon({
    url: baseUrl,
    connections: plan.connections,
    pipelining: 1,
    duration: length.seconds,
    ...(length.requests ? { amount: length.requests } : {}),
    timeout: 10,
    method: first.method,
    requests: [
      {
        // Keeps autocannon's defaults (host, port) and replaces what this request sends.
        setupRequest: (defaults: autocannon.Request) => {
          const request = plan.next();
          return {
            ...defaults,
            method: request.method,
            path: request.path,
            headers: { "content-type": "application/json", ...request.headers },
            ...(request.body === undefined ? {} : { body: request.body }),
          };
        },
        // Only when asked: autocannon then keeps every response body.
        ...(plan.onResponse ? { onResponse: relay(plan.onResponse) } : {}),
      },
    ],
  });
  // Without a callback autocannon returns its tracker, an event emitter that is also a promise of the result.
  (instance as unknown as EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime),
  );
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const elapsed = result.duration || length.seconds;
  return {
    requests: latencies.length,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats?.count ?? 0]),
    ),
    loadAverage: loadavg()[0] ?? 0,
  };
}
