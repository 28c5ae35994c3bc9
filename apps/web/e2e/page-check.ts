import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, expect } from "vitest";
import { axeResultsDir, currentJourney, DESKTOP, keepScreenshot, PHONE, screenshotDir } from "./browser.js";

/** What the summary at the end of the run needs from one axe run. */
export interface PageAudit {
  journey: string;
  name: string;
  path: string;
  colorScheme: "light" | "dark";
  violations: { id: string; impact: string; help: string; nodes: number }[];
}

const BLOCKING = new Set(["serious", "critical"]);
const IMPACTS = ["critical", "serious", "moderate", "minor"];

/** This file's audits, summed up in one line once its journeys are done (printed before vitest's summary). */
const audits: PageAudit[] = [];
afterAll(() => {
  if (audits.length === 0) return;
  const journey = audits[0]?.journey ?? currentJourney();
  const byImpact = IMPACTS.map(
    (impact) =>
      `${impact} ${audits.flatMap((audit) => audit.violations).filter((violation) => violation.impact === impact).length}`,
  );
  // biome-ignore lint/suspicious/noConsole: the journey's summary belongs in the test output.
  console.log(
    `${journey}: axe checked ${audits.length} page states (each stop at desktop and phone width) (violations: ${byImpact.join(", ")}); screenshots at desktop and phone width in ${path.join(screenshotDir, journey)}`,
  );
});

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is; fails on any serious or critical violation. */
export async function auditAccessibility(page: Page, name: string): Promise<PageAudit> {
  // The page at rest: no action still running (optimistic updates show their result before the
  // server answers), and no colour mid-transition (a button leaving its busy state).
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "detached", timeout: 15_000 });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const colorScheme = (await page.evaluate(() => document.documentElement.classList.contains("dark")))
    ? "dark"
    : "light";
  const audit: PageAudit = {
    journey: currentJourney(),
    name,
    path: new URL(page.url()).pathname,
    colorScheme,
    violations: results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      nodes: violation.nodes.length,
    })),
  };
  audits.push(audit);
  await mkdir(axeResultsDir, { recursive: true });
  await writeFile(path.join(axeResultsDir, `${audit.journey}--${name}.json`), JSON.stringify(audit));
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`).join("; ")})`,
    );
  expect(blocking, `axe on ${name} (${audit.path})`).toEqual([]);
  return audit;
}

/**
 * One stop of a journey: at desktop and at phone width, axe on the page and a
 * screenshot under test-output/e2e/<journey>/; the page gets its own width back.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const own = page.viewportSize() ?? DESKTOP;
  for (const [width, size] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await auditAccessibility(page, `${name}-${width}`);
    await keepScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(own);
}
