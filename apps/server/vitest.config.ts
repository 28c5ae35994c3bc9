import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "server",
      include: ["test/**/*.test.ts"],
      globalSetup: ["../../packages/db/test/global-setup.ts"],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  }),
);
