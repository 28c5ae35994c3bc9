import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const serverRoot = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  name: string;
  url: string;
  /** CPU time the process has used so far, all its threads (ms); null where /proc is not there. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
}

/** Linux counts a process's CPU time in clock ticks of 10 ms (USER_HZ = 100 on every architecture Node runs on). */
const MS_PER_TICK = 10;

/** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15; the name in brackets may hold spaces). */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/**
 * Starts a server as a child process on a free loopback port and waits
 * until `readyPath` answers 200. Its output is kept and shown if it dies.
 */
export async function startServer(options: {
  name: string;
  args: string[];
  env: Record<string, string>;
  readyPath: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args, {
    cwd: serverRoot,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (true) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} exited with ${child.exitCode}:\n${output.join("")}`);
    }
    const ready = await fetch(url + options.readyPath)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${options.name} did not become ready:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { name: options.name, url, cpuMs: () => processCpuMs(child.pid), stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A TypeScript file of the bench, run by Node through tsx with the workspace's sources. */
export const tsxArgs = (file: string) => ["--conditions=source", "--import", "tsx", file];
