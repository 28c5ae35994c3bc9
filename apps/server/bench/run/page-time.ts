import { existsSync } from "node:fs";
import path from "node:path";
import { chromiumLaunchOptions } from "@booky/testing/chromium";
import { chromium } from "playwright-core";
import { medianOf } from "./report.js";

/** The built web app the production server serves during the page timing (`pnpm bench` builds it). */
export const webDist = path.resolve(import.meta.dirname, "..", "..", "..", "web", "dist");

export interface PageTime {
  page: string;
  /** Milliseconds from the navigation's start to the race board's first row on screen, per visit. */
  samplesMs: number[];
  medianMs: number;
}

/**
 * The big meeting's page in Chromium against the production build: a reader
 * of that meeting logs in, then opens the page `visits` times (each a full
 * load: the shell, the session check, the page's chunk and its reads) and the
 * time until the race board shows its first row is kept.
 */
export async function meetingPageTime(options: {
  baseUrl: string;
  meetingId: string;
  email: string;
  password: string;
  visits: number;
}): Promise<PageTime | null> {
  if (!existsSync(path.join(webDist, "index.html"))) {
    console.log(`  page timing skipped: the web app is not built (${webDist})`);
    return null;
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ baseURL: options.baseUrl, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto("/log-in");
    await page.getByLabel("E-mail").fill(options.email);
    await page.getByLabel("Password").fill(options.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: /^Welcome back/ }).waitFor({ timeout: 30_000 });
    const firstRow = page.getByRole("region", { name: "The race" }).getByRole("listitem").first();
    const samplesMs: number[] = [];
    for (let visit = 0; visit < options.visits; visit++) {
      const started = performance.now();
      await page.goto(`/meetings/${options.meetingId}`);
      await firstRow.waitFor({ timeout: 30_000 });
      samplesMs.push(Math.round((performance.now() - started) * 10) / 10);
      await page.goto("about:blank");
    }
    return { page: "meeting page (large meeting), to its race board", samplesMs, medianMs: medianOf(samplesMs) };
  } finally {
    await browser.close();
  }
}
