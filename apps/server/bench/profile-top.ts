// The top frames of a V8 CPU profile (`BENCH_CPU_PROFILE_DIR=... pnpm bench`) by self time, grouped by function and file.
// Run: pnpm --filter @booky/server bench:profile-top <file.cpuprofile> [count]
import { readFile } from "node:fs/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = "25"] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile-top <file.cpuprofile> [count]");
  process.exit(1);
}
const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = byId.get(id)?.callFrame;
  if (!frame) return;
  total += delta;
  // Idle time is the process waiting for work, not work: left out of the shares.
  if (frame.functionName === "(idle)") {
    total -= delta;
    return;
  }
  const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : "";
  const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
  selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
});

function shorten(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ""));
}

console.log(`busy ${(total / 1000).toFixed(0)} ms; top frames by self time:`);
for (const [key, time] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
