import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { committedDocument } from "./rest-support.js";

const script = fileURLToPath(new URL("../../../scripts/openapi-check.mjs", import.meta.url));
const folder = await mkdtemp(path.join(tmpdir(), "booky-openapi-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

type Document = typeof committedDocument & Record<string, unknown>;

/** Runs the CI check on the committed document (before) and an edited copy of it (after). */
async function check(edit: (document: Document) => void) {
  const after = structuredClone(committedDocument) as Document;
  edit(after);
  const afterPath = path.join(folder, `after-${crypto.randomUUID()}.json`);
  await writeFile(afterPath, JSON.stringify(after));
  const beforePath = fileURLToPath(new URL("../../../docs/openapi.json", import.meta.url));
  const run = spawnSync(process.execPath, [script, "--before", beforePath, "--after", afterPath], { encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const removeBook = (document: Document) => {
  delete document.paths["/books/{bookId}"];
};
/** The operation removed, and the version set to `version`. */
const removeBookAs = (version: string) => (document: Document) => {
  removeBook(document);
  document.info.version = version;
};

describe("the breaking-change check (scripts/openapi-check.mjs)", () => {
  it("passes the document against itself", async () => {
    expect(await check(() => {})).toMatchObject({ code: 0 });
  });

  it("fails a removed operation that keeps the version, naming it", async () => {
    const result = await check(removeBook);
    expect(result.code).toBe(1);
    expect(result.output).toContain("remove paths./books/{bookId}.get");
  });

  it("fails a newly required input and a removed output field", async () => {
    const requiredQuery = await check((document) => {
      const list = document.paths["/clubs"]?.get as unknown as { parameters: unknown[] };
      list.parameters.push({ in: "query", name: "shelf", required: true, schema: { type: "string" } });
    });
    expect(requiredQuery.code).toBe(1);
    const lostField = await check((document) => {
      const get = document.paths["/books/{bookId}"]?.get as unknown as {
        responses: { 200: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } };
      };
      delete get.responses[200].content["application/json"].schema.properties.title;
    });
    expect(lostField.code).toBe(1);
  });

  it("passes a breaking change announced by a new major version, and additions without one", async () => {
    expect(await check(removeBookAs("2.0.0"))).toMatchObject({ code: 0 });
    const minorOnly = await check(removeBookAs("1.1.0"));
    expect(minorOnly).toMatchObject({ code: 1 });
    const added = await check((document) => {
      document.paths["/books/{bookId}/extra"] = structuredClone(document.paths["/books/{bookId}"] ?? {});
    });
    expect(added).toMatchObject({ code: 0 });
  });
});
