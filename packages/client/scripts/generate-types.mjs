#!/usr/bin/env node
// The client's types, generated from the committed OpenAPI document
// (docs/openapi.json) by openapi-typescript and formatted as the repository
// formats its code (biome).
//
//   node scripts/generate-types.mjs           writes src/generated/openapi.ts
//   node scripts/generate-types.mjs --check   fails when that file is not what the document generates
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const documentUrl = new URL("../../../docs/openapi.json", import.meta.url);
const targetPath = fileURLToPath(new URL("../src/generated/openapi.ts", import.meta.url));

const header =
  "// Generated from docs/openapi.json by openapi-typescript: do not edit.\n" +
  "// Regenerate with `pnpm --filter @booky/client generate` after `pnpm --filter @booky/server openapi`.\n";

const generated = header + astToString(await openapiTS(documentUrl));
const formatted = execFileSync("pnpm", ["exec", "biome", "format", `--stdin-file-path=${targetPath}`], {
  cwd: root,
  input: generated,
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(targetPath, "utf8");
  } catch {
    // No file yet: stale.
  }
  if (committed !== formatted) {
    console.error(
      "client-types: packages/client/src/generated/openapi.ts is not what docs/openapi.json generates; " +
        "run `pnpm --filter @booky/client generate` and commit it",
    );
    process.exit(1);
  }
  process.stdout.write("client-types: packages/client/src/generated/openapi.ts matches docs/openapi.json\n");
} else {
  writeFileSync(targetPath, formatted);
  process.stdout.write(`client-types: wrote ${targetPath}\n`);
}
