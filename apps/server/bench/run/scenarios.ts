import { BENCH_PASSWORD } from "../seed/plan.js";
import type { Fixtures } from "./fixtures.js";
import type { LoadPlan, LoadRequest } from "./load.js";
import { clientAddress } from "./sessions.js";

/**
 * Booky's build, the hand-written floor, the trivial-procedure servers, Booky's build through tRPC's own adapter,
 * and another checkout's build (`--baseline`), to measure a change against what it changes side by side.
 */
export type Target = "booky" | "floor" | "overhead" | "adapter" | "baseline";

export interface ScenarioContext {
  fixtures: Fixtures;
  /** Access tokens by e-mail (readers and bettors). */
  tokens: Map<string, string>;
  /** Progress versions of the readers on the large meeting, by user id (read just before the run). */
  versions: Map<string, number>;
}

export interface Scenario {
  id: string;
  label: string;
  target: Target;
  /** Reads are also compared between scales (p99). */
  read: boolean;
  connections: number;
  plan: (context: ScenarioContext) => LoadPlan;
}

/** tRPC's wire format with superjson: queries by GET with `input`, mutations by POST with a JSON body. */
const trpcQuery = (path: string, input?: unknown) =>
  input === undefined ? `/trpc/${path}` : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const trpcBatch = (paths: string[], input: unknown) =>
  `/trpc/${paths.join(",")}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(paths.map((_, index) => [index, { json: input }]))),
  )}`;

/** Round-robin over the readers' tokens: every request is one signed-in member of the large club. */
function asReaders(context: ScenarioContext, build: () => Omit<LoadRequest, "headers">): LoadPlan["next"] {
  const tokens = context.fixtures.readers.map((reader) => context.tokens.get(reader.email) as string);
  let turn = 0;
  return () => ({ ...build(), headers: { authorization: `Bearer ${tokens[turn++ % tokens.length]}` } });
}

function read(id: string, label: string, path: (fixtures: Fixtures) => string, target: Target = "booky"): Scenario {
  return {
    id,
    label,
    target,
    read: target === "booky",
    connections: 10,
    plan: (context) => ({
      connections: 10,
      next: asReaders(context, () => ({ method: "GET", path: path(context.fixtures) })),
    }),
  };
}

/** The version in a CONFLICT answer: tRPC's `error.json.data.current` or the floor's `error.current`. */
function currentVersion(body: string): number | null {
  try {
    const error = (JSON.parse(body) as { error?: { json?: { data?: { current?: unknown } }; current?: unknown } })
      .error;
    const current = (error?.json?.data?.current ?? error?.current) as { version?: number } | null | undefined;
    return current === undefined ? null : (current?.version ?? 0);
  } catch {
    return null;
  }
}

/**
 * Progress reports from the large meeting's readers, one in flight per reader
 * (a reader's next report names the version its last one made). The reader
 * travels in the request id, which both servers echo.
 */
function progressUpdate(id: string, label: string, target: Target): Scenario {
  return {
    id,
    label,
    target,
    read: false,
    connections: 10,
    plan: (context) => {
      const { readers, meetingId, pageCount } = context.fixtures;
      const state = readers.map((reader) => ({
        token: context.tokens.get(reader.email) as string,
        version: context.versions.get(reader.id) ?? 0,
      }));
      const free = state.map((_, slot) => slot);
      let sequence = 0;
      return {
        connections: 10,
        next: () => {
          const slot = free.shift() ?? 0;
          const reader = state[slot] as (typeof state)[number];
          // Pages move around the book without finishing it; `correction` lets them go back.
          const input = {
            meetingId,
            page: 1 + (reader.version % (pageCount - 1)),
            expectedVersion: reader.version,
            correction: true,
          };
          return {
            method: "POST",
            path: target === "floor" ? "/progress.update" : "/trpc/progress.update",
            headers: { authorization: `Bearer ${reader.token}`, "x-request-id": `bench-${slot}-${sequence++}` },
            body: JSON.stringify(target === "floor" ? input : { json: input }),
          };
        },
        onResponse: (status, body, headers) => {
          const slot = Number((headers["x-request-id"] ?? "").split("-")[1]);
          const reader = state[slot];
          if (!reader) return;
          if (status === 200) reader.version += 1;
          // Someone got there first (e.g. a request of the previous run still landing): redo on top, as a client would.
          if (status === 409) reader.version = currentVersion(body) ?? reader.version;
          free.push(slot);
        },
      };
    },
  };
}

export const scenarios: Scenario[] = [
  {
    id: "overhead.plain",
    label: "plain Fastify route",
    target: "overhead",
    read: false,
    connections: 10,
    plan: () => ({ connections: 10, next: () => ({ method: "GET", path: "/plain?echo=hello" }) }),
  },
  {
    id: "overhead.adapter",
    label: "trivial procedure, official Fastify adapter",
    target: "overhead",
    read: false,
    connections: 10,
    plan: () => ({ connections: 10, next: () => ({ method: "GET", path: trpcQuery("ping", { echo: "hello" }) }) }),
  },
  {
    id: "overhead.caller",
    label: "trivial procedure, createCaller in a plain route",
    target: "overhead",
    read: false,
    connections: 10,
    plan: () => ({ connections: 10, next: () => ({ method: "GET", path: "/caller/ping?echo=hello" }) }),
  },
  {
    id: "overhead.native",
    label: "trivial procedure, Fastify-native handler (Booky's, as in src/http/trpc-handler.ts)",
    target: "overhead",
    read: false,
    connections: 10,
    plan: () => ({
      connections: 10,
      next: () => ({ method: "GET", path: trpcQuery("ping", { echo: "hello" }).replace("/trpc/", "/native/") }),
    }),
  },
  {
    id: "healthz",
    label: "Booky's /healthz (plain route, production hooks)",
    target: "booky",
    read: false,
    connections: 10,
    plan: () => ({ connections: 10, next: () => ({ method: "GET", path: "/healthz" }) }),
  },
  read("auth.me", "auth.me", () => trpcQuery("auth.me")),
  read("clubs.get", "clubs.get (largest club)", (f) => trpcQuery("clubs.get", { clubId: f.clubId })),
  read("meetings.get", "meetings.get (large club's meeting)", (f) =>
    trpcQuery("meetings.get", { meetingId: f.meetingId }),
  ),
  read(
    "floor.meetings.get",
    "hand-written floor: meetings.get's SQL",
    (f) => `/meetings.get?meetingId=${f.meetingId}`,
    "floor",
  ),
  read(
    "adapter.meetings.get",
    "meetings.get through tRPC's official Fastify adapter",
    (f) => trpcQuery("meetings.get", { meetingId: f.meetingId }),
    "adapter",
  ),
  read("progress.forMeeting", "progress.forMeeting (first page)", (f) =>
    trpcQuery("progress.forMeeting", { meetingId: f.meetingId }),
  ),
  // The meeting page's pool panel (it polls): the first page of horses, most backed first, and the pool's total.
  read("bets.forMeeting", "bets.forMeeting (the large meeting's pool)", (f) =>
    trpcQuery("bets.forMeeting", { meetingId: f.meetingId }),
  ),
  read("meeting-page", "meetings.get + progress.forMeeting (one batch)", (f) =>
    trpcBatch(["meetings.get", "progress.forMeeting"], { meetingId: f.meetingId }),
  ),
  read("leaderboards.global", "leaderboards.users (global)", () =>
    trpcQuery("leaderboards.users", { scope: "global" }),
  ),
  read("leaderboards.club", "leaderboards.users (largest club)", (f) =>
    trpcQuery("leaderboards.users", { scope: "club", clubId: f.clubId }),
  ),
  {
    id: "admin.dashboard",
    label: "admin.dashboard (site admin's operator dashboard)",
    target: "booky",
    read: true,
    connections: 10,
    plan: (context) => {
      const token = context.tokens.get(context.fixtures.siteAdmin.email) as string;
      return {
        connections: 10,
        next: () => ({
          method: "GET",
          path: trpcQuery("admin.dashboard"),
          headers: { authorization: `Bearer ${token}` },
        }),
      };
    },
  },
  progressUpdate("progress.update", "progress.update (large club's meeting)", "booky"),
  progressUpdate("floor.progress.update", "hand-written floor: progress.update's SQL", "floor"),
  progressUpdate("adapter.progress.update", "progress.update through tRPC's official Fastify adapter", "adapter"),
  read(
    "baseline.meetings.get",
    "meetings.get, the --baseline checkout's build",
    (f) => trpcQuery("meetings.get", { meetingId: f.meetingId }),
    "baseline",
  ),
  progressUpdate("baseline.progress.update", "progress.update, the --baseline checkout's build", "baseline"),
  read(
    "baseline.clubs.get",
    "clubs.get, the --baseline checkout's build",
    (f) => trpcQuery("clubs.get", { clubId: f.clubId }),
    "baseline",
  ),
  read(
    "baseline.bets.forMeeting",
    "bets.forMeeting, the --baseline checkout's build",
    (f) => trpcQuery("bets.forMeeting", { meetingId: f.meetingId }),
    "baseline",
  ),
  read(
    "baseline.meeting-page",
    "meetings.get + progress.forMeeting (one batch), the --baseline checkout's build",
    (f) => trpcBatch(["meetings.get", "progress.forMeeting"], { meetingId: f.meetingId }),
    "baseline",
  ),
  {
    id: "bets.place",
    label: "bets.place (a new pair each time)",
    target: "booky",
    read: false,
    connections: 10,
    plan: (context) => {
      const { bettors, arenaMeetingIds } = context.fixtures;
      const tokens = bettors.map((bettor) => context.tokens.get(bettor.email) as string);
      let pair = 0;
      return {
        connections: 10,
        next: () => {
          const bettor = pair % bettors.length;
          const meetingId = arenaMeetingIds[Math.floor(pair / bettors.length) % arenaMeetingIds.length];
          pair += 1;
          const horseId = bettors[(bettor + 1) % bettors.length]?.id;
          return {
            method: "POST",
            path: "/trpc/bets.place",
            headers: { authorization: `Bearer ${tokens[bettor]}` },
            body: JSON.stringify({ json: { meetingId, horseId, stake: 1 } }),
          };
        },
      };
    },
  },
  {
    id: "auth.logIn",
    label: "auth.logIn (argon2id verify)",
    target: "booky",
    read: false,
    connections: 8,
    plan: (context) => {
      const emails = context.fixtures.logInEmails;
      let attempt = 0;
      return {
        connections: 8,
        next: () => {
          const n = attempt++;
          return {
            method: "POST",
            path: "/trpc/auth.logIn",
            headers: { "x-forwarded-for": clientAddress(n) },
            body: JSON.stringify({ json: { email: emails[n % emails.length], password: BENCH_PASSWORD } }),
          };
        },
      };
    },
  },
];

/** The headline ratios: tRPC's throughput over its floor, measured in the same run. */
export const comparisons = [
  {
    id: "trivial",
    label: "trivial procedure, official adapter ÷ plain Fastify route",
    numerator: "overhead.adapter",
    denominator: "overhead.plain",
  },
  {
    id: "native",
    label: "trivial procedure, Fastify-native handler ÷ plain Fastify route",
    numerator: "overhead.native",
    denominator: "overhead.plain",
  },
  {
    id: "caller",
    label: "createCaller in a route ÷ plain Fastify route",
    numerator: "overhead.caller",
    denominator: "overhead.plain",
  },
  {
    id: "read",
    label: "meetings.get ÷ hand-written floor",
    numerator: "meetings.get",
    denominator: "floor.meetings.get",
  },
  {
    id: "write",
    label: "progress.update ÷ hand-written floor",
    numerator: "progress.update",
    denominator: "floor.progress.update",
  },
  {
    id: "baseline.read",
    label: "meetings.get, this build ÷ the --baseline build",
    numerator: "meetings.get",
    denominator: "baseline.meetings.get",
  },
  {
    id: "baseline.write",
    label: "progress.update, this build ÷ the --baseline build",
    numerator: "progress.update",
    denominator: "baseline.progress.update",
  },
  {
    id: "baseline.club",
    label: "clubs.get, this build ÷ the --baseline build",
    numerator: "clubs.get",
    denominator: "baseline.clubs.get",
  },
  {
    id: "baseline.pool",
    label: "bets.forMeeting, this build ÷ the --baseline build",
    numerator: "bets.forMeeting",
    denominator: "baseline.bets.forMeeting",
  },
  {
    id: "baseline.page",
    label: "meeting page batch, this build ÷ the --baseline build",
    numerator: "meeting-page",
    denominator: "baseline.meeting-page",
  },
  {
    id: "handler.read",
    label: "meetings.get, Fastify-native handler ÷ official adapter",
    numerator: "meetings.get",
    denominator: "adapter.meetings.get",
  },
  {
    id: "handler.write",
    label: "progress.update, Fastify-native handler ÷ official adapter",
    numerator: "progress.update",
    denominator: "adapter.progress.update",
  },
] as const;
