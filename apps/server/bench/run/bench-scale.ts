import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BENCH_PASSWORD } from "../seed/plan.js";
import { createStatementRecorder, type ExplainedStatement, explainStatements, writeExplainFile } from "./explain.js";
import { clearArenaBets, countDashboardFigures, findFixtures, progressVersions } from "./fixtures.js";
import { type LoadResult, runLoad } from "./load.js";
import { meetingPageTime, webDist } from "./page-time.js";
import { type RunningServer, startServer, tsxArgs } from "./processes.js";
import { medianRun, type ScaleResult } from "./report.js";
import { assertSameAnswers } from "./same-answers.js";
import { comparisons, type Scenario, type ScenarioContext, type Target } from "./scenarios.js";
import { logIn } from "./sessions.js";

export interface BenchSettings {
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** When set, each run stops after this many requests instead of after `seconds` (smoke runs). */
  requests?: number;
  /** Pause around each run, so requests still in flight when one stops land before the next reads the state. */
  settleMs: number;
}

const JWT_SECRET = "booky-bench-only-secret-never-used-in-production-0123456789";
/** Signed-in readers of the large meeting; more than the connections, so each has one request in flight. */
const READERS = 32;
const LOG_IN_ACCOUNTS = 2000;
/** Access tokens live 15 minutes at most: sign in again before they could expire mid-run. */
const TOKEN_REFRESH_MS = 5 * 60_000;

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const describe = (id: string, r: LoadResult) =>
  `  ${id.padEnd(24)} ${number.format(r.rps).padStart(7)} req/s  cpu ${r.cpuMsPerCall?.toFixed(3) ?? "?"} ms/call  p50 ${r.p50.toFixed(2)}  p95 ${r.p95.toFixed(2)}  p99 ${r.p99.toFixed(2)} ms  errors ${r.errors}  non-2xx ${r.non2xx}${r.non2xx ? ` ${JSON.stringify(r.statuses)}` : ""}`;

/** When a measured run went on, on the monotonic clock V8's CPU profiles use (µs): `profile-top --scenario` reads it. */
export interface ProfileWindow {
  scenario: string;
  target: Target;
  startUs: number;
  endUs: number;
}

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
/** Every measured run of this bench process, of every scale (all share the one monotonic clock). */
const windows: ProfileWindow[] = [];

/**
 * With BENCH_CPU_PROFILE_DIR set, a server writes a V8 CPU profile of the
 * whole run there when it stops (`bench/profile-top.ts` lists its top frames), and the bench
 * writes `windows.json` beside it: when each measured run went on, to cut one scenario's load out.
 */
function cpuProfile(name: string): string[] {
  const directory = process.env.BENCH_CPU_PROFILE_DIR;
  // A folder per server: each of its threads (tsx's loader runs in one) writes a profile; the main thread's is the largest.
  return directory ? ["--cpu-prof", `--cpu-prof-dir=${path.join(directory, name)}`] : [];
}

/** The `--baseline` checkout's production build, with Booky's settings, beside this one. */
function startBaseline(checkout: string | undefined, env: Record<string, string>): Promise<RunningServer> {
  const main = checkout ? path.resolve(checkout, "apps", "server", "dist", "main.js") : "";
  if (!checkout || !existsSync(main)) {
    throw new Error(
      `The baseline scenarios need --baseline <a checkout with a built server> (no ${main || "checkout"})`,
    );
  }
  return startServer({ name: "baseline", args: [...cpuProfile("baseline"), main], readyPath: "/readyz", env });
}

/** What each scale's measurements are kept under: the runs of its own table, and the runs of the scale comparison. */
export type RunSet = "main" | "scales";

export interface ScaleSession {
  scale: number | "smoke";
  /** Drives one run of `scenario` (after its warm-up) and keeps it under `set`. */
  measure: (scenario: Scenario, set?: RunSet) => Promise<LoadResult>;
  /** The page timing and the plans, then every run kept: the scale's result. */
  finish: () => Promise<ScaleResult>;
  /** Stops the servers (always call it, also after a failure). */
  close: () => Promise<void>;
}

/**
 * One scale: the production build (`node dist/main.js`) and, for the
 * scenarios that need them, the floor and the trivial-procedure servers as
 * child processes over the scale's database; each scenario is driven with
 * autocannon from this process. The caller decides the order of the runs
 * (the paired scenarios alternate round by round; two scales' reads
 * alternate too), then `finish` explains every scenario's statements.
 */
export async function openScale(options: {
  scale: number | "smoke";
  database: string;
  url: string;
  settings: BenchSettings;
  scenarios: Scenario[];
  explainDirectory: string;
  /** Another checkout (its root) whose built server the `baseline` scenarios drive. */
  baseline?: string;
}): Promise<ScaleSession> {
  const { url, settings } = options;
  const settle = () => new Promise((resolve) => setTimeout(resolve, settings.settleMs));
  const dataDir = await mkdtemp(path.join(tmpdir(), "booky-bench-"));
  const started: RunningServer[] = [];
  const keep = (server: RunningServer) => {
    started.push(server);
    return server;
  };
  const close = async () => {
    for (const server of started.reverse()) await server.stop();
    started.length = 0;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const bookyEnv = {
      NODE_ENV: "production",
      DATABASE_URL: url,
      DATABASE_POOL_MAX: "10",
      JWT_SECRET,
      ACCESS_TOKEN_TTL_SECONDS: "900",
      LOG_LEVEL: "warn",
      // Behind a load balancer, as in production: each request names its client (log-in limits are per client).
      TRUST_PROXY: "true",
      // No job runner: its minute sweep and five-minute ranking refresh would land at random in the runs.
      JOBS_IN_PROCESS: "false",
      // The built web app, for the page timing in Chromium (none: the timing is skipped).
      WEB_DIST_DIR: existsSync(webDist) ? webDist : "/nonexistent",
      DATA_DIR: dataDir,
    };
    const targets = new Set(options.scenarios.map((scenario) => scenario.target));
    const [booky, floor, overhead, adapter, baseline] = await Promise.all([
      startServer({
        name: "booky",
        args: [...cpuProfile(`booky-${options.scale}`), "dist/main.js"],
        readyPath: "/readyz",
        env: bookyEnv,
      }).then(keep),
      targets.has("floor")
        ? startServer({
            name: "floor",
            args: [...cpuProfile(`floor-${options.scale}`), ...tsxArgs("bench/servers/floor.ts")],
            readyPath: "/ping",
            env: { DATABASE_URL: url, DATABASE_POOL_MAX: "10", JWT_SECRET },
          }).then(keep)
        : null,
      targets.has("overhead")
        ? startServer({
            name: "overhead",
            args: tsxArgs("bench/servers/overhead.ts"),
            readyPath: "/plain",
            env: {},
          }).then(keep)
        : null,
      // The same build through tRPC's official Fastify adapter, for the handler comparison (issue 20).
      targets.has("adapter")
        ? startServer({
            name: "booky-adapter",
            args: [...cpuProfile(`booky-adapter-${options.scale}`), "dist/main.js"],
            readyPath: "/readyz",
            env: { ...bookyEnv, TRPC_HANDLER: "adapter" },
          }).then(keep)
        : null,
      targets.has("baseline") ? startBaseline(options.baseline, bookyEnv).then(keep) : null,
    ]);
    const servers: Record<Target, RunningServer | null> = { booky, floor, overhead, adapter, baseline };
    const urls: Record<Target, string> = {
      booky: booky.url,
      floor: floor?.url ?? "",
      overhead: overhead?.url ?? "",
      adapter: adapter?.url ?? "",
      baseline: baseline?.url ?? "",
    };

    const fixtures = await findFixtures(url, { readers: READERS, logIns: LOG_IN_ACCOUNTS });
    await countDashboardFigures(url);
    console.log(
      `scale ${options.scale}: large meeting of ${fixtures.attendees} attendees; ${fixtures.readers.length} readers, ${fixtures.bettors.length} bettors × ${fixtures.arenaMeetingIds.length} arena meetings`,
    );
    let tokens = new Map<string, string>();
    let signedInAt = 0;
    const contextNow = async (): Promise<ScenarioContext> => {
      if (Date.now() - signedInAt > TOKEN_REFRESH_MS) {
        tokens = await logIn(
          booky.url,
          [...fixtures.readers, ...fixtures.bettors, fixtures.siteAdmin].map((reader) => reader.email),
        );
        signedInAt = Date.now();
      }
      const versions = await progressVersions(
        url,
        fixtures.meetingId,
        fixtures.readers.map((reader) => reader.id),
      );
      return { fixtures, tokens, versions };
    };
    const prepare = async (scenario: Scenario) => {
      // Every (bettor, meeting) pair takes one bet: free them all before each run.
      if (scenario.id === "bets.place") await clearArenaBets(url);
      return contextNow();
    };

    const first = fixtures.readers[0];
    if (first && floor)
      await assertSameAnswers(booky.url, floor.url, fixtures, (await contextNow()).tokens.get(first.email) ?? "");

    const runs: Record<RunSet, Map<string, LoadResult[]>> = { main: new Map(), scales: new Map() };
    const measure = async (scenario: Scenario, set: RunSet = "main") => {
      if (settings.warmupSeconds > 0)
        await runLoad(urls[scenario.target], scenario.plan(await prepare(scenario)), {
          seconds: settings.warmupSeconds,
        });
      await settle();
      const plan = scenario.plan(await prepare(scenario));
      const server = servers[scenario.target];
      const cpuBefore = server?.cpuMs() ?? null;
      const startUs = monotonicUs();
      const load = await runLoad(urls[scenario.target], plan, settings);
      windows.push({ scenario: scenario.id, target: scenario.target, startUs, endUs: monotonicUs() });
      const cpuAfter = server?.cpuMs() ?? null;
      // The server's own CPU per answered call (all its threads, GC included): what it spends, load aside.
      const cpuMsPerCall =
        cpuBefore === null || cpuAfter === null || load.requests === 0 ? null : (cpuAfter - cpuBefore) / load.requests;
      const result = { ...load, cpuMsPerCall };
      await settle();
      console.log(describe(scenario.id, result));
      runs[set].set(scenario.id, [...(runs[set].get(scenario.id) ?? []), result]);
      return result;
    };

    const finish = async (): Promise<ScaleResult> => {
      const profileDirectory = process.env.BENCH_CPU_PROFILE_DIR;
      if (profileDirectory) {
        await mkdir(profileDirectory, { recursive: true });
        await writeFile(path.join(profileDirectory, "windows.json"), `${JSON.stringify(windows, null, 2)}\n`);
      }

      const pageTime = first
        ? await meetingPageTime({
            baseUrl: booky.url,
            meetingId: fixtures.meetingId,
            email: first.email,
            password: BENCH_PASSWORD,
            visits: options.scale === "smoke" ? 2 : 5,
          })
        : null;
      if (pageTime)
        console.log(`  ${pageTime.page}: median ${pageTime.medianMs} ms (${pageTime.samplesMs.join(", ")})`);

      const explain: Record<string, ExplainedStatement[]> = {};
      const recorder = await createStatementRecorder(url, JWT_SECRET);
      try {
        for (const scenario of options.scenarios.filter((s) => s.target === "booky" && s.id !== "healthz")) {
          const request = scenario.plan(await prepare(scenario)).next();
          const statements = await recorder.statementsOf(request);
          const { explained, text } = await explainStatements(url, statements);
          await writeExplainFile(options.explainDirectory, scenario.id, text);
          explain[scenario.id] = explained;
        }
      } finally {
        await recorder.close();
      }
      await clearArenaBets(url);

      return {
        scale: options.scale,
        database: options.database,
        fixtures: {
          attendees: fixtures.attendees,
          readers: fixtures.readers.length,
          bettors: fixtures.bettors.length,
          arenaMeetings: fixtures.arenaMeetingIds.length,
        },
        scenarios: options.scenarios.map((scenario) => {
          // A scenario's own table shows its own runs, else those of the scale comparison.
          const measured = runs.main.get(scenario.id) ?? runs.scales.get(scenario.id) ?? [];
          return {
            id: scenario.id,
            label: scenario.label,
            target: scenario.target,
            runs: measured,
            median: medianRun(measured),
            ...(runs.scales.has(scenario.id) ? { scaleRuns: runs.scales.get(scenario.id) } : {}),
          };
        }),
        pageTime,
        explain,
      };
    };

    return { scale: options.scale, measure, finish, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The paired scenarios among `scenarios`, in the comparisons' order: they alternate round by round. */
export function pairedIds(scenarios: Scenario[]): string[] {
  const ids = new Set(scenarios.map((scenario) => scenario.id));
  return [...new Set(comparisons.flatMap((c) => [c.numerator, c.denominator]))].filter((id) => ids.has(id));
}
