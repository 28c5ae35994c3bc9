import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

/** Browser journeys: the built app served by an in-process server, driven in Debian's Chromium. */
export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "web",
      include: ["e2e/**/*.test.ts"],
      // The report setup prints the axe summary and the screenshot folder when the run ends.
      globalSetup: ["@booky/testing/global-setup", "./e2e/report-setup.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Pages load their chunks and poll their data in their own time, slower on a busy 2-core machine.
      expect: { poll: { timeout: 15_000, interval: 100 } },
    },
  }),
);
