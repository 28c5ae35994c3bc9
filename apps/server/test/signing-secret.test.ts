import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestClient, fileDatabase, newMember, rejectionOf } from "@booky/testing";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import type { AppRouter } from "../src/router.js";
import { signingSecretFile } from "../src/signing-secret.js";

const serverDir = fileURLToPath(new URL("..", import.meta.url));
const database = await fileDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), "booky-secret-"));
const running = new Set<ChildProcess>();
afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm start`'s server as a newcomer runs it: NODE_ENV and JWT_SECRET unset, its own process. */
async function startServer() {
  const port = await freePort();
  const { NODE_ENV: _env, JWT_SECRET: _secret, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...inherited,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "debug",
      JOBS_IN_PROCESS: "false",
      SEED_DEMO_DATA: "false",
      GOOGLE_BOOKS_ENABLED: "false",
      WEB_DIST_DIR: "/nonexistent",
      COOKIE_SECURE: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output.push(String(chunk));
      if (output.join("").includes("Booky is ready")) resolve();
    };
    child.stdout?.on("data", seen);
    child.stderr?.on("data", seen);
    child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output.join("")}`)));
  });
  await ready;
  const stop = async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    running.delete(child);
  };
  return { url: `http://127.0.0.1:${port}`, output, stop };
}

/** Each server here is a fresh process compiling its sources with tsx: on a busy 2-core machine, seconds each. */
const PROCESS_STARTS = 90_000;

describe("the signing secret of a server started without JWT_SECRET", () => {
  it(
    "is generated on the first start (mode 600), reused by the next one, and never logged",
    async () => {
      const first = await startServer();
      const secret = (await readFile(signingSecretFile(dataDir), "utf8")).trim();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect((await stat(signingSecretFile(dataDir))).mode & 0o777).toBe(0o600);

      const client = createTestClient<AppRouter>(first.url);
      const member = newMember();
      const session = await client.trpc.auth.signUp.mutate(member);
      client.accessToken = session.accessToken;
      expect((await client.trpc.auth.me.query()).username).toBe(member.username);
      await first.stop();

      // A restart signs with the same secret: the access token issued before it still verifies.
      const second = await startServer();
      const again = createTestClient<AppRouter>(second.url);
      again.accessToken = session.accessToken;
      expect((await again.trpc.auth.me.query()).username).toBe(member.username);
      expect((await readFile(signingSecretFile(dataDir), "utf8")).trim()).toBe(secret);
      await second.stop();

      for (const output of [first.output, second.output]) expect(output.join("")).not.toContain(secret);
    },
    PROCESS_STARTS,
  );

  it(
    "error responses carry no stack trace outside tests",
    async () => {
      const server = await startServer();
      const error = await rejectionOf(
        createTestClient<AppRouter>(server.url).trpc.users.get.query({ username: "nobody_here" }),
      );
      expect(error.data?.code).toBe("NOT_FOUND");
      expect(error.data).not.toHaveProperty("stack");
      await server.stop();
    },
    PROCESS_STARTS,
  );

  it("tests sign with a throwaway secret and write nothing", () => {
    const one = loadConfig({ NODE_ENV: "test", DATA_DIR: path.join(dataDir, "unused") });
    const two = loadConfig({ NODE_ENV: "test", DATA_DIR: path.join(dataDir, "unused") });
    expect(one.JWT_SECRET).not.toBe(two.JWT_SECRET);
  });
});
