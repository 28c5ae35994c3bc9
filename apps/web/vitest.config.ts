import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

/** Browser journeys: the built app served by an in-process server, driven in Debian's Chromium. */
export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "web",
      include: ["e2e/**/*.test.ts"],
      globalSetup: ["../../packages/db/test/global-setup.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  }),
);
