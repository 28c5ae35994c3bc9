import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ExplainedStatement } from "./explain.js";
import type { LoadResult } from "./load.js";
import type { PageTime } from "./page-time.js";

export interface ScenarioResult {
  id: string;
  label: string;
  target: string;
  /** Every measured run (the paired scenarios run once per round). */
  runs: LoadResult[];
  /** The run with the median throughput. */
  median: LoadResult;
  /** The runs of the scale comparison, one per round, each beside the same read at the other scale. */
  scaleRuns?: LoadResult[];
}

export interface ScaleResult {
  scale: number | "smoke";
  database: string;
  fixtures: { attendees: number; readers: number; bettors: number; arenaMeetings: number };
  scenarios: ScenarioResult[];
  /** The big meeting's page in Chromium, to its race board (null when the web app was not built). */
  pageTime: PageTime | null;
  explain: Record<string, ExplainedStatement[]>;
}

export interface Comparison {
  id: string;
  label: string;
  /** Median over rounds of (tRPC req/s ÷ floor req/s), each round measured back to back. */
  ratio: number;
  rounds: number[];
  /** Median server CPU per call (ms) of each side, from /proc: the process's own work, whatever the load. */
  cpuMsPerCall?: { numerator: number; denominator: number } | null;
}

export interface ScaleComparison {
  id: string;
  label: string;
  /** Median over the rounds, by scale. */
  p50: Record<string, number>;
  p99: Record<string, number>;
  /** Median over rounds of (p99 at the larger scale ÷ p99 at the smaller one), both measured at the same time. */
  ratio: number;
  rounds: number[];
  /** The same for the median: tails on a shared machine are mostly noise, medians show the structure. */
  p50Ratio: number;
  p50Rounds: number[];
  /** The 1-minute load average at the end of each round. */
  loadAverages: number[];
}

/**
 * p50 and p99 of each read at the smaller scale against the larger one:
 * each round ran the read at both scales at the same time, so a round's
 * ratio compares two runs under the same neighbours.
 */
export function compareScales(first: ScaleResult, second: ScaleResult): ScaleComparison[] {
  return second.scenarios.flatMap((later) => {
    const earlier = first.scenarios.find((s) => s.id === later.id)?.scaleRuns ?? [];
    const runs = later.scaleRuns ?? [];
    if (earlier.length === 0 || runs.length === 0) return [];
    const pairs = runs.slice(0, earlier.length).map((run, round) => [earlier[round] as LoadResult, run] as const);
    const ratios = (pick: (run: LoadResult) => number) => pairs.map(([a, b]) => pick(b) / Math.max(1e-9, pick(a)));
    const [a, b] = [`scale ${first.scale}`, `scale ${second.scale}`];
    const median = (list: LoadResult[], pick: (run: LoadResult) => number) => medianOf(list.map(pick));
    const rounds = ratios((run) => run.p99);
    const p50Rounds = ratios((run) => run.p50);
    return [
      {
        id: later.id,
        label: later.label,
        p50: { [a]: median(earlier, (r) => r.p50), [b]: median(runs, (r) => r.p50) },
        p99: { [a]: median(earlier, (r) => r.p99), [b]: median(runs, (r) => r.p99) },
        ratio: medianOf(rounds),
        rounds,
        p50Ratio: medianOf(p50Rounds),
        p50Rounds,
        loadAverages: pairs.map(([x, y]) => Math.max(x.loadAverage, y.loadAverage)),
      },
    ];
  });
}

export interface BenchReport {
  finishedAt: string;
  /** `loadAverage`: the 1-minute load average when the run started and when it ended (the machine is shared). */
  machine: { cpus: number; node: string; postgres: string; loadAverage: { atStart: number; atEnd: number } };
  settings: { seconds: number; warmupSeconds: number; rounds: number; smoke: boolean; trpcHandler: string };
  comparisons: Comparison[];
  scaleComparisons: ScaleComparison[];
  scales: ScaleResult[];
  seqScans: { scale: string; scenario: string; table: string; rows: number }[];
}

export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function medianRun(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)] as LoadResult;
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function markdownReport(report: BenchReport): string {
  const lines = [
    `# Booky benchmark — ${report.finishedAt}`,
    "",
    `${report.machine.cpus} cores, Node ${report.machine.node}, ${report.machine.postgres}; autocannon over loopback, ` +
      `${report.settings.seconds} s per run after ${report.settings.warmupSeconds} s of warm-up, ` +
      `${report.settings.rounds} round(s) for the paired runs${report.settings.smoke ? " (smoke: tiny data, numbers mean nothing)" : ""}; ` +
      `Booky's tRPC handler: ${report.settings.trpcHandler}; 1-minute load average ${report.machine.loadAverage.atStart.toFixed(1)} at the start, ` +
      `${report.machine.loadAverage.atEnd.toFixed(1)} at the end.`,
    "Absolute numbers on a shared 2-core machine are noise; the ratios are the headline.",
  ];
  if (report.comparisons.length > 0)
    lines.push(
      "",
      "## Headline ratios (throughput, same run)",
      "",
      "| comparison | ratio | per round | server CPU ms/call (first vs second) |",
      "| --- | ---: | --- | ---: |",
      ...report.comparisons.map(
        (c) =>
          `| ${c.label} | **${c.ratio.toFixed(2)}×** | ${c.rounds.map((r) => r.toFixed(2)).join(", ")} | ` +
          `${c.cpuMsPerCall ? `${c.cpuMsPerCall.numerator.toFixed(3)} vs ${c.cpuMsPerCall.denominator.toFixed(3)}` : ""} |`,
      ),
    );
  if (report.scaleComparisons.length > 0) {
    const scales = Object.keys(report.scaleComparisons[0]?.p99 ?? {});
    const rounds = (values: number[]) => values.map((r) => r.toFixed(2)).join(", ");
    const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(", ");
    lines.push(
      "",
      `## Latency by data size (${scales.join(" vs ")}: each round runs a read at both scales at the same time)`,
      "",
      `| procedure | ${scales.map((s) => `p99 ${s} (ms)`).join(" | ")} | p99 ratio | per round | ${scales.map((s) => `p50 ${s}`).join(" | ")} | p50 ratio | load average per round |`,
      `| --- | ${scales.map(() => "---:").join(" | ")} | ---: | --- | ${scales.map(() => "---:").join(" | ")} | ---: | --- |`,
      ...report.scaleComparisons.map(
        (c) =>
          `| ${c.label} | ${scales.map((s) => ms(c.p99[s] ?? 0)).join(" | ")} | **${c.ratio.toFixed(2)}×** | ${rounds(c.rounds)} | ` +
          `${scales.map((s) => ms(c.p50[s] ?? 0)).join(" | ")} | ${c.p50Ratio.toFixed(2)}× | ${load(c.loadAverages)} |`,
      ),
      "",
      "p99 and p50 are medians over the rounds; each ratio is the median of the rounds' ratios (larger scale ÷ smaller, the two runs side by side).",
    );
  }
  for (const scale of report.scales) {
    lines.push(
      "",
      `## Scale ${scale.scale} (${scale.database}; the large meeting has ${whole.format(scale.fixtures.attendees)} attendees)`,
      "",
      "| scenario | req/s | server CPU ms/call | p50 ms | p95 ms | p99 ms | errors | non-2xx | load average |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...scale.scenarios.map(
        ({ label, median: r }) =>
          `| ${label} | ${whole.format(r.rps)} | ${typeof r.cpuMsPerCall === "number" ? r.cpuMsPerCall.toFixed(3) : ""} | ` +
          `${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} | ${r.loadAverage.toFixed(1)} |`,
      ),
    );
    if (scale.pageTime)
      lines.push(
        "",
        `In Chromium against the production build, the ${scale.pageTime.page}: median ${ms(scale.pageTime.medianMs)} ms ` +
          `over ${scale.pageTime.samplesMs.length} full loads (${scale.pageTime.samplesMs.map(ms).join(", ")} ms).`,
      );
  }
  const explained = [...new Set(report.scales.flatMap((scale) => Object.keys(scale.explain)))];
  if (explained.length > 0) {
    const databaseMs = (scale: ScaleResult, id: string) => {
      const statements = scale.explain[id];
      if (!statements) return "";
      const total = statements.reduce((sum, statement) => sum + (statement.executionMs ?? 0), 0);
      return `${ms(total)} (${statements.length})`;
    };
    lines.push(
      "",
      "## PostgreSQL time per call (sum of EXPLAIN ANALYZE execution times; statements in brackets)",
      "",
      `| scenario | ${report.scales.map((scale) => `scale ${scale.scale} (ms)`).join(" | ")} |`,
      `| --- | ${report.scales.map(() => "---:").join(" | ")} |`,
      ...explained.map((id) => `| ${id} | ${report.scales.map((scale) => databaseMs(scale, id)).join(" | ")} |`),
    );
  }
  lines.push("", "## Sequential scans on large tables (from EXPLAIN ANALYZE of every statement, see explain/)", "");
  if (report.seqScans.length === 0) lines.push("None.");
  for (const scan of report.seqScans) {
    lines.push(`- scale ${scan.scale}, ${scan.scenario}: \`${scan.table}\` (${whole.format(scan.rows)} rows)`);
  }
  return `${lines.join("\n")}\n`;
}

/** Writes `<name>.json` and `<name>.md` (`latest` for the full run) into `directory`. */
export async function writeReport(directory: string, report: BenchReport, name = "latest") {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = markdownReport(report);
  await writeFile(path.join(directory, `${name}.md`), markdown);
  return markdown;
}
