import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "server",
      include: ["test/**/*.test.ts"],
      globalSetup: ["@booky/testing/global-setup"],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  }),
);
