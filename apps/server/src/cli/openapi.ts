/**
 * `pnpm --filter @booky/server openapi`: writes the OpenAPI document the
 * routers describe to docs/openapi.json (committed; a test fails when it is stale).
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../openapi.js";

const committedDocumentPath = fileURLToPath(new URL("../../../../docs/openapi.json", import.meta.url));

const document = openApiDocument();
await writeFile(committedDocumentPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`Wrote ${Object.keys(document.paths ?? {}).length} paths to ${committedDocumentPath}`);
