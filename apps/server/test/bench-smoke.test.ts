import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { withDatabase } from "@booky/db";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { BenchReport } from "../bench/run/report.js";

const serverRoot = fileURLToPath(new URL("..", import.meta.url));
const base = `booky_bench_test_${process.pid}`;
const smokeDatabase = `${base}_smoke`;

afterAll(async () => {
  const admin = postgres(inject("adminDatabaseUrl"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${smokeDatabase}" with (force)`);
  await admin.end({ timeout: 5 });
});

/**
 * The benchmark harness end to end on tiny data, so it never rots: seed,
 * production build, floor, every scenario, EXPLAIN, report. It says nothing
 * about speed; it checks that every request of every scenario succeeded.
 */
describe("bench --smoke", () => {
  it("seeds, drives every scenario without an error and writes the report and the plans", {
    timeout: 180_000,
  }, async () => {
    expect(existsSync(path.join(serverRoot, "dist", "main.js")), "run `pnpm build` first").toBe(true);
    const out = await mkdtemp(path.join(tmpdir(), "booky-bench-smoke-"));
    try {
      await promisify(execFile)(
        process.execPath,
        ["--conditions=source", "--import", "tsx", "bench/run.ts", "--smoke", "--out", out],
        {
          cwd: serverRoot,
          env: { ...process.env, DATABASE_URL: withDatabase(inject("adminDatabaseUrl"), base) },
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const report = JSON.parse(await readFile(path.join(out, "latest.json"), "utf8")) as BenchReport;
      const [scale] = report.scales;
      expect(scale?.scenarios.length).toBeGreaterThanOrEqual(16);
      for (const scenario of scale?.scenarios ?? []) {
        expect(scenario.median.requests, scenario.id).toBeGreaterThan(0);
        expect({ id: scenario.id, errors: scenario.median.errors, statuses: scenario.median.statuses }).toEqual({
          id: scenario.id,
          errors: 0,
          statuses: { "200": scenario.median.requests },
        });
      }
      for (const comparison of report.comparisons) expect(comparison.ratio, comparison.id).toBeGreaterThan(0);
      expect(Object.keys(scale?.explain ?? {})).toContain("progress.update");
      for (const [scenario, statements] of Object.entries(scale?.explain ?? {})) {
        expect(statements.length, scenario).toBeGreaterThan(0);
      }
      expect(await readdir(path.join(out, "explain", "smoke"))).toContain("meetings.get.txt");
      expect(await readFile(path.join(out, "latest.md"), "utf8")).toContain("Headline ratios");
      // The big meeting's page in Chromium (the suite builds the web app first): every visit reached the race board.
      expect(scale?.pageTime?.samplesMs).toHaveLength(2);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("imports a small Goodreads file both ways and reads the shelf and the trade inbox (bench:imports)", {
    timeout: 120_000,
  }, async () => {
    const out = await mkdtemp(path.join(tmpdir(), "booky-bench-imports-"));
    try {
      await promisify(execFile)(process.execPath, ["--conditions=source", "--import", "tsx", "bench/imports.ts"], {
        cwd: serverRoot,
        env: {
          ...process.env,
          TEST_DATABASE_URL: inject("adminDatabaseUrl"),
          BENCH_ROWS: "200",
          BENCH_SECONDS: "1",
          BENCH_OUT: out,
        },
        maxBuffer: 16 * 1024 * 1024,
      });
      const report = JSON.parse(await readFile(path.join(out, "imports.json"), "utf8"));
      for (const run of [report.imports.allInCatalog, report.imports.quarterUnknown]) {
        expect(run.outcome).toEqual({ matched: 200, created: 0, failed: 0, status: "done" });
      }
      expect(report.imports.quarterUnknown.unknownToCatalog).toBe(50);
      // Any answer but a 2xx fails the bench itself; each read answered some.
      for (const read of [report.shelfList.everyStatus, report.tradeInbox.incoming, report.tradeInbox.history]) {
        expect(read.rps).toBeGreaterThan(0);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("evaluates books-for-you on the goodbooks-10k sample against popularity and prints both (bench:recommendations)", {
    timeout: 120_000,
  }, async () => {
    // Exits 1 when the method does not beat popularity on both Recall@20 and NDCG@20 on the sample: the ship gate.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--expose-gc", "--conditions=source", "--import", "tsx", "bench/recommendations.ts"],
      { cwd: serverRoot, maxBuffer: 16 * 1024 * 1024 },
    );
    const sample = stdout.split("\n\n")[0] ?? "";
    expect(sample).toContain("== goodbooks-10k sample");
    expect(sample).toMatch(/ratings 10259 \(269 members, 2541 books\)/);
    expect(sample).toMatch(/members with fewer than 5 ratings skipped: \d+; train \d+ ratings; test members \d+/);
    expect(sample).toMatch(/neighbours: \d+ books, top 50 each, \d+ ms, result heap -?[\d.]+ MB, peak RSS \d+ MB/);
    const figures = /^(item-to-item|popularity)\s+(\d\.\d{4})\s+(\d\.\d{4})\s+(\d\.\d{4})$/gm;
    expect([...sample.matchAll(figures)].map((row) => row[1])).toEqual(["item-to-item", "popularity"]);
    expect(stdout).toContain("== validation");
    expect(stdout).toContain("== generated ratings");
  });

  it("refuses to write smoke figures over the committed results", async () => {
    const run = promisify(execFile)(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "bench/run.ts", "--smoke", "--out", "bench/results"],
      { cwd: serverRoot },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("never writes to bench/results"),
    });
  });

  it("refuses to write a partial run over the committed latest report", async () => {
    const run = promisify(execFile)(
      process.execPath,
      [
        "--conditions=source",
        "--import",
        "tsx",
        "bench/run.ts",
        "--only",
        "auth.me",
        "--seconds",
        "1",
        "--out",
        "bench/results",
      ],
      { cwd: serverRoot },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("never writes bench/results/latest"),
    });
  });
});
