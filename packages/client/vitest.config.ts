import { defineProject, mergeConfig } from "vitest/config";
import { sourceConditions } from "../../vitest.shared.js";

/** The client against local HTTP servers; the packed package against a real Booky is apps/server/test/client-package.test.ts. */
export default mergeConfig(
  sourceConditions,
  defineProject({
    test: {
      name: "client",
      include: ["test/**/*.test.ts"],
    },
  }),
);
