import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import superjson from "superjson";
import { EventSource } from "undici";
import { onTestFinished } from "vitest";
import type { AppRouter } from "../src/router.js";
import type { TestClient, TestServer } from "./harness.js";

/** A tRPC client for subscriptions only, over SSE, with these connection params. */
const liveClient = (
  baseUrl: string,
  connectionParams: Parameters<typeof httpSubscriptionLink>[0]["connectionParams"],
) =>
  createTRPCClient<AppRouter>({
    links: [httpSubscriptionLink({ url: `${baseUrl}/trpc`, transformer: superjson, EventSource, connectionParams })],
  });

/**
 * A page's live notification stream, as the web app opens it: over SSE
 * (httpSubscriptionLink with an EventSource), each connection with a fresh
 * stream ticket bought with the member's bearer token. A ticket opens one
 * connection only, so when a connection drops (the EventSource's own retry
 * is refused with the spent ticket) the page subscribes again from the last
 * event id it saw, with a new ticket: what it missed is backfilled.
 */
export function openLiveStream(baseUrl: string, member: TestClient, lastEventId?: string) {
  const events: {
    id: string;
    data: { seq: number; kind: string; excerpt: string | null } & Record<string, unknown>;
  }[] = [];
  const errors: unknown[] = [];
  const states: string[] = [];
  const live = liveClient(baseUrl, async () => ({
    ticket: (await member.trpc.notifications.streamTicket.mutate()).ticket,
  }));
  let started!: () => void;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  let closed = false;
  let current: { unsubscribe(): void } | null = null;
  const subscribe = (from: string | undefined) => {
    current = live.notifications.live.subscribe(from ? { lastEventId: from } : {}, {
      onStarted: () => started(),
      onData: (event) => events.push(event as never),
      onError: (error) => {
        errors.push(error);
        states.push("resubscribing");
        if (!closed) setTimeout(() => subscribe(events.at(-1)?.id ?? from), 50);
      },
      onConnectionStateChange: (state) => states.push(state.state),
    });
  };
  subscribe(lastEventId);
  return {
    events,
    errors,
    states,
    ready,
    close: () => {
      closed = true;
      current?.unsubscribe();
    },
  };
}

/**
 * Opens the live stream as `member` and resolves once it has started;
 * rejects with the typed error when the ticket (or its absence) is refused.
 */
export async function liveStreamStarts(baseUrl: string, member: TestClient["trpc"]): Promise<"started"> {
  const { ticket } = await member.notifications.streamTicket.mutate();
  const live = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${baseUrl}/trpc`,
        transformer: superjson,
        EventSource,
        connectionParams: { ticket },
      }),
    ],
  });
  return new Promise((resolve, reject) => {
    const subscription = live.notifications.live.subscribe(
      {},
      {
        onStarted: () => {
          subscription.unsubscribe();
          resolve("started");
        },
        onError: (error) => reject(error),
      },
    );
  });
}

/** Polls `check` until it holds (no fixed sleeps); fails after `timeoutMs` with `what`. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A TCP proxy in front of a server whose connections a test can cut, as a network drop would. */
export async function cuttableProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address() as net.AddressInfo;
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

const serverDir = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A second Booky server process (`src/main.ts`, as operators run it) on the
 * test server's database, with the same signing secret: a member signed in
 * on one is signed in on the other, as behind a load balancer. Call it inside
 * a test; the process is killed when that test finishes. `env` overrides its
 * settings (the browser journeys serve the built web app from it).
 */
export async function secondServerProcess(server: TestServer, env: Record<string, string> = {}) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATABASE_URL: server.databaseUrl,
      JWT_SECRET: server.config.JWT_SECRET,
      COOKIE_SECURE: "false",
      PUBLIC_URL: server.config.PUBLIC_URL,
      WEB_DIST_DIR: "/nonexistent",
      GOOGLE_BOOKS_ENABLED: "false",
      JOBS_IN_PROCESS: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Killed when the calling test finishes (an afterAll registered inside a test never ran: each run left it behind).
  onTestFinished(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGKILL");
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok,
    `the second server to start: ${output.join("")}`,
    60_000,
  );
  return { url, output, child };
}
