// Benchmarks the production build over a seeded database, beside a hand-written floor.
// Run: pnpm bench [--scale 1] [--compare-scale 10] [--seconds 10] [--rounds 3] [--only ids] [--report name]
//      [--baseline checkout]

//   or pnpm bench --smoke (report in .data/bench/smoke-results/)
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "@booky/db";
import postgres from "postgres";
import { openBenchServer } from "./database.js";
import { type BenchSettings, openScale, pairedIds, type ScaleSession } from "./run/bench-scale.js";
import { serverRoot } from "./run/processes.js";
import { type BenchReport, compareScales, medianOf, type ScaleResult, writeReport } from "./run/report.js";
import { comparisons, type Scenario, scenarios } from "./run/scenarios.js";
import { seedBenchData } from "./seed/index.js";
import { SMOKE_SCALE, seedPlan } from "./seed/plan.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    "compare-scale": { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    rounds: { type: "string" },
    /** Where the report goes: the committed `bench/results/` for full runs, a scratch folder for smoke runs. */
    out: { type: "string" },
    /** The report's file name: `latest` (the full run), or e.g. `scale-1-vs-10` for a comparison of a few reads. */
    report: { type: "string", default: "latest" },
    smoke: { type: "boolean", default: false },
    /** Comma-separated scenario ids, to iterate on a few. */
    only: { type: "string" },
    /** Another checkout (e.g. a `git worktree` of main, built) for the `baseline.*` scenarios: a change's before and after in one run. */
    baseline: { type: "string" },
  },
});

const smoke = values.smoke;
// The machine is shared: the load average at the start and the end says how much of it the figures had.
const loadAtStart = loadavg()[0] ?? 0;
const committedResults = path.join(serverRoot, "bench", "results");
// Smoke figures mean nothing: they go to a scratch folder (git-ignored) and never replace the committed full run.
// Nor does a partial run (a few scenarios, shorter runs) replace `latest`: by default it goes to a scratch folder too.
const partial = [values.only, values.seconds, values.warmup, values.rounds].some((value) => value !== undefined);
const overLatest = (directory: string) => path.resolve(directory) === committedResults && values.report === "latest";
const out =
  values.out ??
  (smoke
    ? path.join(serverRoot, ".data", "bench", "smoke-results")
    : partial && overLatest(committedResults)
      ? path.join(serverRoot, ".data", "bench", "partial-results")
      : committedResults);
if (smoke && path.resolve(out) === committedResults) {
  console.error("A smoke run never writes to bench/results/ (the committed figures come from a full run).");
  process.exit(1);
}
if (partial && overLatest(out)) {
  console.error(
    "A partial run (--only, --seconds, --warmup, --rounds) never writes bench/results/latest.* (the committed figures come from a full run); name its report with --report.",
  );
  process.exit(1);
}
const settings: BenchSettings = {
  seconds: Number(values.seconds ?? (smoke ? 30 : 10)),
  ...(smoke ? { requests: 60 } : {}),
  warmupSeconds: Number(values.warmup ?? (smoke ? 0 : 2)),
  rounds: Number(values.rounds ?? (smoke ? 1 : 3)),
  settleMs: smoke ? 100 : 1000,
};
// The baseline scenarios run only with a baseline to drive (or when named, to say one is missing).
const selected = values.only
  ? scenarios.filter((scenario) => values.only?.split(",").includes(scenario.id))
  : scenarios.filter((scenario) => scenario.target !== "baseline" || values.baseline);
const primary: number | "smoke" = smoke ? "smoke" : Number(values.scale);
const compared = !smoke && values["compare-scale"] ? Number(values["compare-scale"]) : null;

if (!existsSync(path.join(serverRoot, "dist", "main.js"))) {
  console.error("No production build: run `pnpm build` first (`pnpm bench` does).");
  process.exit(1);
}

const server = await openBenchServer();
try {
  if (smoke) {
    // Smoke: a tiny database made on the spot, so CI proves the whole harness works (speed is not judged).
    const name = server.databaseName("smoke");
    await server.recreate(name);
    await migrateDatabase(server.urlOf(name));
    await seedBenchData(server.urlOf(name), seedPlan(SMOKE_SCALE));
  }
  for (const scale of [primary, ...(compared ? [compared] : [])]) {
    if (!(await server.exists(server.databaseName(scale)))) {
      console.error(`No database ${server.databaseName(scale)}: run \`pnpm bench:seed --scale ${scale}\` first.`);
      process.exit(1);
    }
  }

  const sessions: ScaleSession[] = [];
  const open = async (scale: number | "smoke", scenarios: Scenario[]) => {
    const name = server.databaseName(scale);
    const session = await openScale({
      scale,
      database: name,
      url: server.urlOf(name),
      settings,
      scenarios,
      explainDirectory: path.join(out, "explain", String(scale)),
      ...(values.baseline ? { baseline: values.baseline } : {}),
    });
    sessions.push(session);
    return session;
  };
  const results: ScaleResult[] = [];
  try {
    const main = await open(primary, selected);
    // The larger scale repeats only the reads, for the p99 comparison.
    const reads = selected.filter((scenario) => scenario.read);
    const other = compared ? await open(compared, reads) : null;

    const paired = pairedIds(selected);
    for (let round = 1; round <= settings.rounds && paired.length > 0; round++) {
      console.log(`paired runs, round ${round} of ${settings.rounds}`);
      for (const id of paired) await main.measure(selected.find((s) => s.id === id) as Scenario);
    }
    // With a second scale the reads run below, each beside itself at the other scale.
    for (const scenario of selected.filter((s) => !paired.includes(s.id) && !(other && s.read)))
      await main.measure(scenario);
    if (other) {
      for (let round = 1; round <= settings.rounds; round++) {
        console.log(`scale ${primary} and ${compared} at the same time, round ${round} of ${settings.rounds}`);
        // Both scales' runs of a read go at once, so both have the same neighbours on this shared machine.
        for (const scenario of reads)
          await Promise.all([main.measure(scenario, "scales"), other.measure(scenario, "scales")]);
      }
    }
    for (const session of sessions) results.push(await session.finish());
  } finally {
    for (const session of sessions) await session.close();
  }

  const [first, second] = results;
  const rpsOf = (runs: { rps: number }[], round: number) => runs[round]?.rps ?? 0;
  const report: BenchReport = {
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.versions.node,
      postgres: await postgresVersion(server.urlOf(server.databaseName(primary))),
      loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
    },
    settings: {
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      rounds: settings.rounds,
      smoke,
      // The server child inherits TRPC_HANDLER: `TRPC_HANDLER=adapter pnpm bench` measures tRPC's own adapter.
      trpcHandler: process.env.TRPC_HANDLER || "native",
    },
    // A comparison whose scenarios were left out (`--only`) is left out of the report too.
    comparisons: comparisons.flatMap((comparison) => {
      const numerator = first?.scenarios.find((s) => s.id === comparison.numerator)?.runs ?? [];
      const denominator = first?.scenarios.find((s) => s.id === comparison.denominator)?.runs ?? [];
      if (numerator.length === 0 || denominator.length === 0) return [];
      const rounds = numerator.map((_, round) => rpsOf(numerator, round) / Math.max(1e-9, rpsOf(denominator, round)));
      const cpuOf = (runs: { cpuMsPerCall?: number | null }[]) => {
        const measured = runs.flatMap((run) => (typeof run.cpuMsPerCall === "number" ? [run.cpuMsPerCall] : []));
        return measured.length === runs.length ? medianOf(measured) : null;
      };
      const [numeratorCpu, denominatorCpu] = [cpuOf(numerator), cpuOf(denominator)];
      const cpuMsPerCall =
        numeratorCpu === null || denominatorCpu === null
          ? null
          : { numerator: numeratorCpu, denominator: denominatorCpu };
      return [{ id: comparison.id, label: comparison.label, ratio: medianOf(rounds), rounds, cpuMsPerCall }];
    }),
    scaleComparisons: first && second ? compareScales(first, second) : [],
    scales: results,
    seqScans: results.flatMap((result) =>
      Object.entries(result.explain).flatMap(([scenario, statements]) =>
        statements.flatMap((statement) =>
          statement.seqScans
            .filter((scan) => scan.large)
            .map((scan) => ({ scale: String(result.scale), scenario, table: scan.table, rows: scan.rows })),
        ),
      ),
    ),
  };
  console.log(`\n${await writeReport(out, report, values.report)}`);
  console.log(`Written to ${path.join(out, `${values.report}.json`)} and ${values.report}.md`);
} finally {
  await server.stop();
}

async function postgresVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string }[]>`select split_part(version(), ' on ', 1) as version`;
    return row?.version ?? "PostgreSQL";
  } finally {
    await sql.end({ timeout: 5 });
  }
}
