// The top frames of a V8 CPU profile (`BENCH_CPU_PROFILE_DIR=... pnpm bench`) by self time, grouped by function and file.
// With --scenario, only the samples taken while that scenario's measured runs went on (from the bench's windows.json
// beside the profile): the process under that load, without its start-up, sign-ins, warm-up or the other scenarios.
// With --callers, also where the named frame's self time was spent from: its three nearest callers, by share.
// Run: pnpm --filter @booky/server bench:profile-top <file.cpuprofile> [count] [--scenario meetings.get]
//        [--callers _objectSpread2]
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ProfileWindow } from "./run/bench-scale.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scenario: { type: "string" }, callers: { type: "string" } },
});
const [given, count = "25"] = positionals;
if (!given) {
  console.error("usage: profile-top <file.cpuprofile | a server's profile folder> [count] [--scenario id]");
  process.exit(1);
}
// A server's folder holds a profile per thread: its main thread's is the one with the most samples.
const file = (await stat(given)).isDirectory() ? await largestProfile(given) : given;
const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
// The bench writes windows.json into BENCH_CPU_PROFILE_DIR, the folder above each server's.
const windowsFile =
  [path.dirname(file), path.dirname(path.dirname(file))]
    .map((folder) => path.join(folder, "windows.json"))
    .find((candidate) => existsSync(candidate)) ?? "windows.json";
const windows = values.scenario
  ? (JSON.parse(await readFile(windowsFile, "utf8")) as ProfileWindow[]).filter((w) => w.scenario === values.scenario)
  : null;
if (windows?.length === 0 || (values.scenario && !existsSync(windowsFile))) {
  console.error(`No measured run of ${values.scenario} in ${windowsFile}`);
  process.exit(1);
}
const inWindow = (at: number) => !windows || windows.some((w) => at >= w.startUs && at <= w.endUs);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
const callerChains = new Map<string, number>();
const selfTime = new Map<string, number>();
const owners = new Map<string, string>();
let total = 0;
let at = profile.startTime;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  at += delta;
  const frame = byId.get(id)?.callFrame;
  if (!frame || !inWindow(at)) return;
  total += delta;
  // Idle time is the process waiting for work, not work: left out of the shares.
  if (frame.functionName === "(idle)") {
    total -= delta;
    return;
  }
  const key = frameName(frame);
  selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
  owners.set(key, ownerOf(frame.functionName, frame.url));
  if (values.callers && frame.functionName === values.callers) {
    const chain = callersOf(id, 3).join(" < ");
    callerChains.set(chain, (callerChains.get(chain) ?? 0) + delta);
  }
});

function frameName(frame: ProfileNode["callFrame"]): string {
  const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

function callersOf(id: number, depth: number): string[] {
  const chain: string[] = [];
  for (let parent = parentOf.get(id); parent !== undefined && chain.length < depth; parent = parentOf.get(parent)) {
    const frame = byId.get(parent)?.callFrame;
    if (frame) chain.push(frameName(frame));
  }
  return chain;
}

function shorten(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

/** Where a frame's code lives: a package, Node's own JavaScript, Booky's code, or V8/native work (GC, program). */
function ownerOf(functionName: string, url: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = url.lastIndexOf("node_modules/");
  if (modules < 0) return "booky";
  const name = url.slice(modules + "node_modules/".length).split("/");
  return name[0]?.startsWith("@") ? `${name[0]}/${name[1]}` : (name[0] ?? "?");
}

const sorted = [...selfTime].sort((a, b) => b[1] - a[1]);
const span = windows ? `${windows.length} run(s) of ${values.scenario}, ` : "";
console.log(`${span}busy ${(total / 1000).toFixed(0)} ms; top frames by self time:`);
for (const [key, time] of sorted.slice(0, Number(count))) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
const byOwner = new Map<string, number>();
for (const [key, time] of sorted) {
  const owner = owners.get(key) ?? "?";
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + time);
}
console.log("\nself time by owner:");
for (const [owner, time] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${owner}`);
}

if (values.callers) {
  console.log(`\n${values.callers}'s self time by its nearest callers:`);
  for (const [chain, time] of [...callerChains].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${chain || "(no caller)"}`);
  }
}

async function largestProfile(folder: string): Promise<string> {
  const files = (await readdir(folder)).filter((name) => name.endsWith(".cpuprofile"));
  const sizes = await Promise.all(
    files.map(async (name) => ({ name, size: (await stat(path.join(folder, name))).size })),
  );
  const largest = sizes.sort((a, b) => b.size - a.size)[0];
  if (!largest) throw new Error(`No .cpuprofile in ${folder}`);
  return path.join(folder, largest.name);
}
