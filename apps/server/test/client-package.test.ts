import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scriptedServer } from "@booky/testing/scripted-server";
import { afterAll, describe, expect, it } from "vitest";
import { apiJourneyScene, journeyOutput, readerStateAt } from "./api-journey-support.js";
import { startTestServer } from "./harness.js";
import { raceMeeting } from "./race-support.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));
const clientDir = path.join(root, "packages/client");
const fixtures = fileURLToPath(new URL("./fixtures/client-package/", import.meta.url));

const server = await startTestServer({ jobs: true });
const scene = await apiJourneyScene(server);
// The README's program makes its reader's first report (expectedVersion 0): a club of its own, one meeting ahead.
const race = await raceMeeting(server, 1);
const [trpcReader] = race.members;
if (!trpcReader) throw new Error("no reader");
const { token: trpcToken } = await trpcReader.client.trpc.apiTokens.create.mutate({
  name: "Progress script",
  scopes: ["read", "progress:write"],
  expiresAt: null,
});

/**
 * The package as a user gets it: built, packed to a tarball and installed with
 * npm into a scratch project outside the workspace (its dependencies from the
 * npm registry or npm's cache), with the programs of fixtures/client-package.
 */
const scratch = await mkdtemp(path.join(tmpdir(), "booky-client-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));
// Turbo builds what the client's build reads first: the server's declarations (apps/server/dist).
await run("pnpm", ["exec", "turbo", "run", "build", "--filter=@booky/client", "--output-logs=errors-only"], {
  cwd: root,
  timeout: 300_000,
});
await run("pnpm", ["pack", "--pack-destination", scratch], { cwd: clientDir });
const [tarball] = (await readdir(scratch)).filter((name) => name.endsWith(".tgz"));
if (!tarball) throw new Error("pnpm pack made no tarball");
await writeFile(
  path.join(scratch, "package.json"),
  JSON.stringify({ name: "booky-scratch", private: true, type: "module" }),
);
// @types/node only for type-checking the README's program, which reads process.env.
await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`, "@types/node@20"], {
  cwd: scratch,
  timeout: 120_000,
});
for (const file of ["my-clubs.mjs", "journey.mjs", "retry.mjs", "trpc-retry.mjs", "consumer.ts"]) {
  await copyFile(path.join(fixtures, file), path.join(scratch, file));
}

/**
 * tsc over files of the scratch project, JavaScript checked too; `failed` when it reports errors.
 * skipLibCheck as `tsc --init` sets it: @trpc/server's own declarations of its WebSocket adapter name `ws`
 * types that a client has no use for. Loose declarations of ours would still show: the type errors the
 * programs expect would be missing.
 */
async function typecheck(files: string[]): Promise<{ stdout: string; stderr: string; failed?: true }> {
  await writeFile(
    path.join(scratch, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        lib: ["ES2023", "DOM"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        allowJs: true,
        checkJs: true,
        noEmit: true,
        types: ["node"],
      },
      files,
    }),
  );
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  return run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: scratch }).catch(
    (error: { stdout: string; stderr: string }) => ({ stdout: error.stdout, stderr: error.stderr, failed: true }),
  );
}

const runProgram = (file: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [file, ...args], { cwd: scratch, env: { PATH: process.env.PATH, ...env }, timeout: 30_000 });

describe("the packed @booky/client", () => {
  it("installs from its tarball outside the workspace with dist, types and README only", async () => {
    expect(scratch.startsWith(root)).toBe(false);
    const installed = path.join(scratch, "node_modules/@booky/client");
    const files = (await readdir(installed, { recursive: true })).sort();
    expect(files).toEqual(
      expect.arrayContaining(["README.md", "dist/index.js", "dist/index.d.ts", "dist/router.d.ts", "dist/rest.js"]),
    );
    // The router's types come bundled: nothing of the server, its domain or its database is imported.
    const router = await readFile(path.join(installed, "dist/router.d.ts"), "utf8");
    const imported = [...router.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(new Set(imported)).toEqual(new Set(["@trpc/server", "@trpc/server/unstable-core-do-not-import"]));
    expect(
      files.filter((file) => file.startsWith("src") || file.startsWith("test") || file.startsWith("scripts")),
    ).toEqual([]);
  });

  it("types Booky's procedures and paths, inputs and answers for a TypeScript program that uses it", async () => {
    expect(await typecheck(["consumer.ts"])).toEqual({ stdout: "", stderr: "" });
  });

  it("types the README's program, and a type error in it fails the check", async () => {
    const program = await readFile(path.join(scratch, "my-clubs.mjs"), "utf8");
    const readme = await readFile(path.join(clientDir, "README.md"), "utf8");
    expect(readme).toContain(program);
    expect(await typecheck(["my-clubs.mjs"])).toEqual({ stdout: "", stderr: "" });

    // A page is a number: the packed declarations say so to a program outside the workspace.
    await writeFile(path.join(scratch, "my-clubs-broken.mjs"), program.replace("page: 42", 'page: "42"'));
    const broken = await typecheck(["my-clubs-broken.mjs"]);
    console.log(`tsc on my-clubs-broken.mjs (page: "42"):\n${broken.stdout}`);
    expect(broken).toMatchObject({ failed: true });
    expect(broken.stdout).toMatch(
      /my-clubs-broken\.mjs\(6,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
  });

  it("runs the README's program with the tRPC client against a running Booky", async () => {
    const { stdout, stderr } = await runProgram("my-clubs.mjs", [], {
      BOOKY_URL: server.url,
      BOOKY_TOKEN: trpcToken,
    });
    console.log(`node my-clubs.mjs (in ${scratch}):\n${stdout}`);
    expect(stderr).toBe("");
    expect(stdout.trim()).toBe("Race Club: page 42 of A Short Race");
    expect(await trpcReader.client.trpc.progress.get.query({ meetingId: race.meeting.id })).toMatchObject({
      page: 42,
      version: 1,
    });
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

  it("the tRPC client retries a 429 after its Retry-After and then answers the 200, batched and in superjson", async () => {
    const limited = await scriptedServer();
    const tooMany = {
      code: -32029,
      message: "Too many requests",
      data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, retryAfter: 1 },
    };
    limited.answer(
      { status: 429, headers: { "retry-after": "1" }, body: [{ error: { json: tooMany } }] },
      { status: 200, body: [{ result: { data: { json: { items: [], nextCursor: null } } } }] },
    );
    const { stdout } = await runProgram("trpc-retry.mjs", [], { BOOKY_URL: limited.url });
    console.log(`node trpc-retry.mjs:\n${stdout}`);
    expect(stdout.trim()).toBe("clubs after a 429: 0; waited at least 1 s");
    const call = `/trpc/clubs.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { mine: true } } }))}`;
    expect(limited.seen.map((request) => [request.url, request.headers.authorization])).toEqual([
      [call, "Bearer bky_retry"],
      [call, "Bearer bky_retry"],
    ]);
    const [first, second] = limited.seen;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("the REST client retries a 429 after its Retry-After and then answers the 200", async () => {
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
