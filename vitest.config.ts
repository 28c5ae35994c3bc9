import { defineConfig } from "vitest/config";

/** One run, one summary: every workspace's tests are a project here. */
export default defineConfig({
  test: {
    projects: ["packages/domain", "packages/db", "packages/client", "apps/server", "apps/web"],
    reporters: ["./vitest.count-reporter.ts", "default"],
  },
});
