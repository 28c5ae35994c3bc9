import { fileURLToPath } from "node:url";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Workspace packages resolve to their TypeScript sources in tests, in every
 * Vite environment (tests, global setup), without building them first.
 */
export const sourceConditions = {
  resolve: {
    alias: [
      { find: /^@booky\/db\/testing$/, replacement: source("./packages/db/src/testing.ts") },
      { find: /^@booky\/db$/, replacement: source("./packages/db/src/index.ts") },
      {
        find: /^@booky\/domain\/common-passwords$/,
        replacement: source("./packages/domain/src/accounts/common-passwords.ts"),
      },
      { find: /^@booky\/domain$/, replacement: source("./packages/domain/src/index.ts") },
    ],
  },
};
