import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "db",
      include: ["test/**/*.test.ts"],
      globalSetup: ["./test/global-setup.ts"],
      hookTimeout: 60_000,
    },
  }),
);
