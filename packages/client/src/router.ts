// The server's router type, for the typed tRPC client. In the workspace it is
// read from the server's sources; the build (rollup.types.config.mjs) replaces
// dist/router.d.ts with a bundle of the server's declarations, so a program
// outside the workspace gets the same types without the server.
import type { AppRouter } from "@booky/server";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type { AppRouter };

/** Every procedure's input, by path: `RouterInputs["progress"]["update"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** Every procedure's answer, by path: `RouterOutputs["clubs"]["list"]["items"][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
