import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { accessibilitySummaryFile, axeResultsDir, screenshotDir } from "./browser.js";
import type { PageAudit } from "./page-check.js";

const IMPACTS = ["critical", "serious", "moderate", "minor"] as const;

/** Each run starts with no audits and no screenshots from an earlier one. */
export async function setup(): Promise<() => Promise<void>> {
  await rm(axeResultsDir, { recursive: true, force: true });
  await rm(screenshotDir, { recursive: true, force: true });
  return writeReport;
}

async function readAudits(): Promise<PageAudit[]> {
  const files = await readdir(axeResultsDir).catch(() => [] as string[]);
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(path.join(axeResultsDir, file), "utf8")) as PageAudit),
  );
}

/**
 * What axe found on every page the journeys visited, over the whole run, kept
 * in a file: a teardown prints after vitest's summary, which must end the output.
 */
async function writeReport(): Promise<void> {
  const audits = await readAudits();
  const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0]));
  const rules = new Map<string, number>();
  for (const audit of audits) {
    for (const violation of audit.violations) {
      counts[violation.impact] = (counts[violation.impact] ?? 0) + violation.nodes;
      rules.set(
        `${violation.impact} ${violation.id}`,
        (rules.get(`${violation.impact} ${violation.id}`) ?? 0) + violation.nodes,
      );
    }
  }
  const dark = audits.filter((audit) => audit.colorScheme === "dark").length;
  const lines = [
    "",
    `Accessibility (axe-core, WCAG 2.1 A/AA): ${audits.length} page states checked (${dark} in dark mode), ${new Set(audits.map((audit) => audit.path)).size} distinct paths`,
    `  elements in violation by impact: ${IMPACTS.map((impact) => `${impact} ${counts[impact]}`).join(", ")}`,
    ...[...rules].map(([rule, nodes]) => `  ${rule}: ${nodes} element(s)`),
    `Browser journey screenshots (desktop and phone width): ${screenshotDir}`,
  ];
  await writeFile(accessibilitySummaryFile, `${lines.join("\n").trim()}\n`);
}
