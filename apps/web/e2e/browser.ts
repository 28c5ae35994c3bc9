import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumLaunchOptions } from "@booky/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, expect } from "vitest";

export const webDist = fileURLToPath(new URL("../dist", import.meta.url));
export const screenshotDir = fileURLToPath(new URL("../test-output/e2e", import.meta.url));
export const axeResultsDir = fileURLToPath(new URL("../test-output/axe", import.meta.url));
export const accessibilitySummaryFile = fileURLToPath(new URL("../test-output/accessibility.txt", import.meta.url));

/** Debian's Chromium, headless, with the flags this closed network needs. Closed after the file. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(path.join(webDist, "index.html"))) {
    throw new Error(`The web app is not built (${webDist}); run \`pnpm build\` first.`);
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  afterAll(() => browser.close());
  return browser;
}

/** The journey a screenshot or audit belongs to: the test file's name ("race-journey"). */
export function currentJourney(): string {
  const testPath = expect.getState().testPath ?? "unknown";
  return path.basename(testPath).replace(/\.test\.ts$/, "");
}

/** Keeps a full-page screenshot under test-output/e2e/<journey>/ and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(screenshotDir, currentJourney());
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
