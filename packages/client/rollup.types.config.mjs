// The router's types for programs outside the workspace: dist/router.d.ts (as
// tsc writes it, `export type { AppRouter } from "@booky/server"`) becomes one
// declaration file with the server's, domain's and db's types it needs inlined
// by rollup-plugin-dts; only @trpc/server, a dependency of this package, stays
// an import. The server's context module, which names its database, mailer and
// Fastify request, is replaced with types/server-only.d.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dts } from "rollup-plugin-dts";

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDist = path.resolve(here, "../../apps/server/dist");
const serverOnly = path.resolve(here, "types/server-only.d.ts");
const inlined = (id) => id.startsWith(".") || path.isAbsolute(id) || id.startsWith("@booky/");

/** @type {import("rollup").Plugin} */
const serverDeclarations = {
  name: "booky-server-declarations",
  resolveId(source, importer) {
    if (source === "@booky/server") return path.join(serverDist, "index.d.ts");
    if (!importer?.startsWith(serverDist) || !source.startsWith(".")) return null;
    const target = path.resolve(path.dirname(importer), source);
    return target === path.join(serverDist, "context.js") ? serverOnly : null;
  },
};

export default {
  input: path.join(here, "dist/router.d.ts"),
  output: { file: path.join(here, "dist/router.d.ts"), format: "es" },
  external: (id) => !inlined(id),
  plugins: [serverDeclarations, dts({ respectExternal: true, tsconfig: path.join(here, "tsconfig.build.json") })],
};
