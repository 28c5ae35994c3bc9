import { fileURLToPath } from "node:url";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Workspace packages resolve to their TypeScript sources in tests, in every
 * Vite environment (tests, global setup), without building them first.
 */
export const sourceConditions = {
  resolve: {
    alias: [
      { find: /^@booky\/db$/, replacement: source("./packages/db/src/index.ts") },
      {
        find: /^@booky\/domain\/common-passwords$/,
        replacement: source("./packages/domain/src/accounts/common-passwords.ts"),
      },
      { find: /^@booky\/domain$/, replacement: source("./packages/domain/src/index.ts") },
      { find: /^@booky\/testing\/scripted-server$/, replacement: source("./packages/testing/src/scripted-server.ts") },
      { find: /^@booky\/testing\/global-setup$/, replacement: source("./packages/testing/src/global-setup.ts") },
      { find: /^@booky\/testing$/, replacement: source("./packages/testing/src/index.ts") },
      // Booky's server under test, for the web's browser journeys (apps/server/test/testing.ts).
      { find: /^@booky\/server\/testing$/, replacement: source("./apps/server/test/testing.ts") },
    ],
  },
};
