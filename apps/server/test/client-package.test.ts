import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scriptedServer } from "@booky/testing/scripted-server";
import { afterAll, describe, expect, it } from "vitest";
import { apiJourneyScene, journeyOutput, readerStateAt } from "./api-journey-support.js";
import { startTestServer } from "./harness.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));
const clientDir = path.join(root, "packages/client");
const fixtures = fileURLToPath(new URL("./fixtures/client-package/", import.meta.url));

const server = await startTestServer({ jobs: true });
const scene = await apiJourneyScene(server);

/**
 * The package as a user gets it: built, packed to a tarball and installed with
 * npm into a scratch project outside the workspace (its dependencies from the
 * npm registry or npm's cache), with the programs of fixtures/client-package.
 */
const scratch = await mkdtemp(path.join(tmpdir(), "booky-client-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));
await run("pnpm", ["--filter", "@booky/client", "build"], { cwd: root });
await run("pnpm", ["pack", "--pack-destination", scratch], { cwd: clientDir });
const [tarball] = (await readdir(scratch)).filter((name) => name.endsWith(".tgz"));
if (!tarball) throw new Error("pnpm pack made no tarball");
await writeFile(
  path.join(scratch, "package.json"),
  JSON.stringify({ name: "booky-scratch", private: true, type: "module" }),
);
await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`], {
  cwd: scratch,
  timeout: 120_000,
});
for (const file of ["journey.mjs", "retry.mjs", "consumer.ts"]) {
  await copyFile(path.join(fixtures, file), path.join(scratch, file));
}

const runProgram = (file: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [file, ...args], { cwd: scratch, env: { PATH: process.env.PATH, ...env }, timeout: 30_000 });

describe("the packed @booky/client", () => {
  it("installs from its tarball outside the workspace with dist, types and README only", async () => {
    expect(scratch.startsWith(root)).toBe(false);
    const installed = path.join(scratch, "node_modules/@booky/client");
    const files = (await readdir(installed, { recursive: true })).sort();
    expect(files).toEqual(expect.arrayContaining(["README.md", "dist/index.js", "dist/index.d.ts", "package.json"]));
    expect(
      files.filter((file) => file.startsWith("src") || file.startsWith("test") || file.startsWith("scripts")),
    ).toEqual([]);
  });

  it("types Booky's paths, inputs and answers for a TypeScript program that uses it", async () => {
    await writeFile(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2023",
          lib: ["ES2023", "DOM"],
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = path.join(root, "node_modules/typescript/bin/tsc");
    const checked = await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: scratch }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout, failed: true }),
    );
    expect(checked).toEqual({ stdout: "", stderr: "" });
  });

  it("runs a journey against a running Booky with a personal access token", async () => {
    const { stdout, stderr } = await runProgram("journey.mjs", ["42"], {
      BOOKY_URL: server.url,
      BOOKY_TOKEN: scene.token,
    });
    console.log(`node journey.mjs 42 (in ${scratch}):\n${stdout}`);
    expect(stderr).toBe("");
    expect(stdout.trimEnd().split("\n")).toEqual([
      ...journeyOutput(scene),
      'bet refused: 403 FORBIDDEN: This token lacks the "bets:write" scope',
    ]);
    expect(await readerStateAt(server, scene)).toEqual({
      rsvp: "going",
      progress: { page: 42, version: 1 },
      history: [42],
    });
  });

  it("retries a 429 after its Retry-After and then answers the 200", async () => {
    const limited = await scriptedServer();
    limited.answer(
      {
        status: 429,
        headers: { "retry-after": "1" },
        body: { code: "TOO_MANY_REQUESTS", message: "Too many requests", data: { retryAfter: 1 } },
      },
      { status: 200, body: { items: [], nextCursor: null } },
    );
    const { stdout } = await runProgram("retry.mjs", [], { BOOKY_URL: limited.url });
    console.log(`node retry.mjs:\n${stdout}`);
    expect(stdout.trim()).toBe("clubs after a 429: 0; waited at least 1 s");
    expect(limited.seen.map((request) => [request.url, request.headers.authorization])).toEqual([
      ["/api/v1/clubs?mine=true", "Bearer bky_retry"],
      ["/api/v1/clubs?mine=true", "Bearer bky_retry"],
    ]);
    const [first, second] = limited.seen;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });
});
