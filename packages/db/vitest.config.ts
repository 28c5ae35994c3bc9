import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "db",
      include: ["test/**/*.test.ts"],
      // By path: @booky/testing depends on @booky/db, so db cannot depend on it back.
      globalSetup: ["../testing/src/global-setup.ts"],
      hookTimeout: 60_000,
    },
  }),
);
