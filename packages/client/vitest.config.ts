import { defineProject } from "vitest/config";

/** The client against local HTTP servers; the packed package against a real Booky is apps/server/test/client-package.test.ts. */
export default defineProject({
  test: {
    name: "client",
    include: ["test/**/*.test.ts"],
  },
});
