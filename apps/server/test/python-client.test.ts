import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { apiJourneyScene, journeyOutput, readerStateAt } from "./api-journey-support.js";
import { startTestServer } from "./harness.js";

const server = await startTestServer({ jobs: true });
const scene = await apiJourneyScene(server);
const script = fileURLToPath(new URL("../../../examples/python/booky_journey.py", import.meta.url));

/** The Python example (standard library only) run as a member would run it, with the reader's token. */
async function runScript(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)("python3", [script, ...args], {
      env: { PATH: process.env.PATH, BOOKY_URL: server.url, BOOKY_TOKEN: scene.token },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("a Python client of the REST API", () => {
  it("lists my clubs, answers the next meeting, reports progress and reads the leaderboard", async () => {
    expect(await readerStateAt(server, scene)).toEqual({ rsvp: null, progress: null, history: [] });

    const run = await runScript("--page", "42");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    console.log(`python3 examples/python/booky_journey.py --page 42:\n${run.stdout}`);
    expect(run.stdout.trimEnd().split("\n")).toEqual(journeyOutput(scene));
    expect(await readerStateAt(server, scene)).toEqual({
      rsvp: "going",
      progress: { page: 42, version: 1 },
      history: [42],
    });
  });

  it("reports Booky's error and changes nothing when Booky refuses", async () => {
    const before = await readerStateAt(server, scene);
    // Progress only moves forward unless corrected: page 10 after page 42 is refused.
    const run = await runScript("--page", "10");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("rsvp: going");
    expect(run.stderr).toMatch(/^error: (BAD_REQUEST|CONFLICT) \(40\d\): \S/);
    expect(await readerStateAt(server, scene)).toEqual(before);
  });
});
