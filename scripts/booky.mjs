#!/usr/bin/env node
// The two newcomer commands, runnable with only Node.js installed:
//   npm start  installs, builds and starts Booky on the embedded PostgreSQL with demo data
//   npm test   installs, builds, then typechecks, lints and runs every test (unit, integration, browser)
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { packageManager } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");

function installedPnpmVersion() {
  try {
    return execFileSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

// The pinned pnpm when it is on PATH, else the same version fetched by npx (no global install).
const pnpm =
  installedPnpmVersion() === pnpmVersion
    ? { command: "pnpm", prefix: [] }
    : { command: "npx", prefix: ["--yes", `pnpm@${pnpmVersion}`] };

function run(args, options = {}) {
  console.log(`\n$ pnpm ${args.join(" ")}`);
  const result = spawnSync(pnpm.command, [...pnpm.prefix, ...args], { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error("Browser tests need Debian's Chromium at /usr/bin/chromium: run `sudo apt-get install chromium`.");
    process.exit(1);
  }
  console.log("\n$ apt-get install chromium (for the browser tests)");
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const command = process.argv[2];
if (command === "start") {
  run(["install", "--frozen-lockfile"]);
  run(["build"]);
  console.log("\nStarting Booky (embedded PostgreSQL unless DATABASE_URL is set)…");
  const server = spawn(process.execPath, ["apps/server/dist/main.js"], {
    cwd: root,
    stdio: "inherit",
    env: { SEED_DEMO_DATA: "true", ...process.env },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => {
    // Killed outright (kill -9, out of memory): its embedded PostgreSQL may run on; the next start stops it cleanly.
    if (signal === "SIGKILL")
      console.error("\nBooky was killed; run `npm start` again: it recovers its database by itself.");
    process.exit(code ?? (signal ? 1 : 0));
  });
} else if (command === "test") {
  ensureChromium();
  run(["install", "--frozen-lockfile"]);
  run(["build"]);
  run(["typecheck"]);
  run(["lint"]);
  // The REST API's document against main's: a breaking change needs a new major version (docs/api.md).
  run(["run", "openapi:check"]);
  console.log(
    "\nBrowser journeys keep screenshots (desktop and phone width) in apps/web/test-output/e2e/<journey>/" +
      " and axe-core's results in apps/web/test-output/accessibility.txt; each journey prints its folder below.",
  );
  // Last, so the output ends with vitest's summary of every test.
  run(["exec", "vitest", "run"]);
} else {
  console.error("usage: node scripts/booky.mjs start|test");
  process.exit(2);
}
