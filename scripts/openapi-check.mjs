#!/usr/bin/env node
// The REST API's breaking-change check (docs/api.md): compares the committed
// OpenAPI document (docs/openapi.json) with the one on the base branch, using
// api-smart-diff's classification. A breaking change (an operation, field or
// value removed, an input newly required, a type narrowed) must come with a
// higher major version in `info.version`; otherwise the check fails and lists it.
//
//   node scripts/openapi-check.mjs                      against main (origin/main, else main)
//   node scripts/openapi-check.mjs --base <git-ref>     against that ref's docs/openapi.json
//   node scripts/openapi-check.mjs --before <file> --after <file>
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { apiCompare } from "api-smart-diff";

const documentPath = "docs/openapi.json";
const root = fileURLToPath(new URL("..", import.meta.url));

/** The breaking changes from `before` to `after`, as "action path" lines. */
export function breakingChanges(before, after) {
  return apiCompare(before, after)
    .diffs.filter((diff) => diff.type === "breaking")
    .map((diff) => `${diff.action} ${diff.path.join(".")}`);
}

const majorOf = (document) => Number.parseInt(String(document.info?.version ?? "0").split(".")[0] ?? "0", 10);

/** Whether `after` may follow `before`: no breaking change, or one announced by a higher major version. */
export function verdict(before, after) {
  const breaking = breakingChanges(before, after);
  const bumped = majorOf(after) > majorOf(before);
  return { ok: breaking.length === 0 || bumped, breaking, bumped };
}

function git(...args) {
  return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

function baseDocument(ref) {
  const refs = ref ? [ref] : ["origin/main", "main"];
  for (const candidate of refs) {
    try {
      return { ref: candidate, document: JSON.parse(git("show", `${candidate}:${documentPath}`)) };
    } catch {
      // Not this ref, or it has no document yet.
    }
  }
  return null;
}

function main(argv) {
  const option = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const afterPath = option("--after") ?? `${root}/${documentPath}`;
  const after = JSON.parse(readFileSync(afterPath, "utf8"));
  const beforePath = option("--before");
  const base = beforePath
    ? { ref: beforePath, document: JSON.parse(readFileSync(beforePath, "utf8")) }
    : baseDocument(option("--base"));
  if (!base) {
    console.log(`openapi-check: no base document to compare ${documentPath} with; nothing to check`);
    return 0;
  }
  const result = verdict(base.document, after);
  const versions = `${base.document.info?.version} -> ${after.info?.version}`;
  if (result.breaking.length === 0) {
    console.log(`openapi-check: no breaking change against ${base.ref} (${versions})`);
    return 0;
  }
  const list = result.breaking.map((line) => `  - ${line}`).join("\n");
  if (result.ok) {
    console.log(
      `openapi-check: ${result.breaking.length} breaking change(s) against ${base.ref}, announced by ${versions}:\n${list}`,
    );
    return 0;
  }
  console.error(
    `openapi-check: ${result.breaking.length} breaking change(s) against ${base.ref} without a new major version (${versions}):\n${list}\n` +
      "Keep the old shape, or raise API_VERSION's major part in apps/server/src/openapi.ts and regenerate the document.",
  );
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
