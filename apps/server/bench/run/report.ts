import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ExplainedStatement } from "./explain.js";
import type { LoadResult } from "./load.js";

export interface ScenarioResult {
  id: string;
  label: string;
  target: string;
  /** Every measured run (the paired scenarios run once per round). */
  runs: LoadResult[];
  /** The run with the median throughput. */
  median: LoadResult;
}

export interface ScaleResult {
  scale: number | "smoke";
  database: string;
  fixtures: { attendees: number; readers: number; bettors: number; arenaMeetings: number };
  scenarios: ScenarioResult[];
  explain: Record<string, ExplainedStatement[]>;
}

export interface Comparison {
  id: string;
  label: string;
  /** Median over rounds of (tRPC req/s ÷ floor req/s), each round measured back to back. */
  ratio: number;
  rounds: number[];
}

export interface ScaleComparison {
  id: string;
  label: string;
  p99: Record<string, number>;
  /** p99 at the larger scale ÷ p99 at the smaller one. */
  ratio: number;
}

export interface BenchReport {
  finishedAt: string;
  machine: { cpus: number; node: string; postgres: string };
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
      `Booky's tRPC handler: ${report.settings.trpcHandler}.`,
    "Absolute numbers on a shared 2-core machine are noise; the ratios are the headline.",
    "",
    "## Headline ratios (throughput, same run)",
    "",
    "| comparison | ratio | per round |",
    "| --- | ---: | --- |",
    ...report.comparisons.map(
      (c) => `| ${c.label} | **${c.ratio.toFixed(2)}×** | ${c.rounds.map((r) => r.toFixed(2)).join(", ")} |`,
    ),
  ];
  if (report.scaleComparisons.length > 0) {
    const scales = Object.keys(report.scaleComparisons[0]?.p99 ?? {});
    lines.push(
      "",
      `## p99 latency by data size (${scales.join(" vs ")})`,
      "",
      `| procedure | ${scales.map((s) => `p99 ${s} (ms)`).join(" | ")} | ratio |`,
      `| --- | ${scales.map(() => "---:").join(" | ")} | ---: |`,
      ...report.scaleComparisons.map(
        (c) => `| ${c.label} | ${scales.map((s) => ms(c.p99[s] ?? 0)).join(" | ")} | **${c.ratio.toFixed(2)}×** |`,
      ),
    );
  }
  for (const scale of report.scales) {
    lines.push(
      "",
      `## Scale ${scale.scale} (${scale.database}; the large meeting has ${whole.format(scale.fixtures.attendees)} attendees)`,
      "",
      "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...scale.scenarios.map(
        ({ label, median: r }) =>
          `| ${label} | ${whole.format(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.non2xx} |`,
      ),
    );
  }
  lines.push("", "## Sequential scans on large tables (from EXPLAIN ANALYZE of every statement, see explain/)", "");
  if (report.seqScans.length === 0) lines.push("None.");
  for (const scan of report.seqScans) {
    lines.push(`- scale ${scan.scale}, ${scan.scenario}: \`${scan.table}\` (${whole.format(scan.rows)} rows)`);
  }
  return `${lines.join("\n")}\n`;
}

export async function writeReport(directory: string, report: BenchReport) {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = markdownReport(report);
  await writeFile(path.join(directory, "latest.md"), markdown);
  return markdown;
}
