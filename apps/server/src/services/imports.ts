import { and, type Database, type Executor, eq, importJobs, importRows, sql } from "@booky/db";
import {
  detectImportSource,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportSource,
  missingHeaders,
  normalizeImportRow,
} from "@booky/domain";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { fieldError, notFound } from "../errors.js";
import { enqueueJob } from "./jobs.js";
import { definePager, pageRows } from "./pagination.js";

type Page = { cursor?: string | null | undefined; limit: number };

const importsPager = definePager({ list: "imports.list", order: "desc", key: "timestamp" });
const failuresPager = definePager({ list: "imports.failures", order: "asc", key: "int" });

const bad = (message: string) => fieldError("file", message);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads an export file, all or nothing: UTF-8 (a byte-order mark is
 * dropped), CSV, a known source by its header names, within the size and row
 * limits. Every problem is a BAD_REQUEST on `file` that says what is wrong.
 */
export function readImportFile(bytes: Uint8Array, wanted: ImportSource | "auto") {
  if (bytes.length === 0) throw bad("The file is empty");
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw bad(`The file is ${megabytes(bytes.length)}; at most ${megabytes(IMPORT_MAX_BYTES)} can be imported at once`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw bad("The file is not UTF-8 text; export it again from Goodreads or StoryGraph, or save it as UTF-8 CSV");
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw bad(`The file is not valid CSV${where ? ` (line ${where})` : ""}`);
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw bad("The file has no books in it");
  const detected = detectImportSource(headers);
  const source = wanted === "auto" ? detected : wanted;
  if (!source) {
    throw bad("This is not a Goodreads or StoryGraph export: its columns are not the ones they write");
  }
  const missing = missingHeaders(source, headers);
  if (missing.length > 0)
    throw bad(
      `This is not a ${source === "goodreads" ? "Goodreads" : "StoryGraph"} export: it has no ${missing.join(", ")} column`,
    );
  if (rows.length > IMPORT_MAX_ROWS) {
    throw bad(
      `The file has ${rows.length.toLocaleString("en")} rows; at most ${IMPORT_MAX_ROWS.toLocaleString("en")} can be imported at once`,
    );
  }
  const names = headers.map((header) => header.trim());
  const normalized = rows.map((row) => {
    // Columns by header name; a map keeps a header such as `__proto__` an ordinary key.
    const record = Object.fromEntries(names.map((name, index) => [name, row[index] ?? ""]));
    return normalizeImportRow(source, record);
  });
  return { source, rows: normalized };
}

/** Stores the file's rows and queues the job, in one transaction: a refused file leaves nothing behind. */
export function startImport(
  db: Database,
  userId: string,
  file: { name: string; bytes: Uint8Array; source: ImportSource | "auto" },
) {
  const { source, rows } = readImportFile(file.bytes, file.source);
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(importJobs)
      .values({ userId, source, fileName: file.name.slice(0, 200) || "import.csv", totalRows: rows.length })
      .returning({ id: importJobs.id, source: importJobs.source, totalRows: importJobs.totalRows });
    if (!job) throw new Error("import insert returned nothing");
    const values = rows.map((row, index) => ({
      jobId: job.id,
      rowNumber: index + 1,
      data: row.ok ? row.book : null,
      status: row.ok ? ("pending" as const) : ("failed" as const),
      reason: row.ok ? null : row.reason,
    }));
    for (let start = 0; start < values.length; start += 1000) {
      await tx.insert(importRows).values(values.slice(start, start + 1000));
    }
    const failed = values.filter((row) => row.status === "failed").length;
    if (failed > 0) {
      await tx.update(importJobs).set({ failed, doneRows: failed }).where(eq(importJobs.id, job.id));
    }
    await enqueueImportRun(tx, job.id);
    return job;
  });
}

export function enqueueImportRun(db: Executor, jobId: string) {
  return enqueueJob(db, "run-import", { jobId }, { jobKey: `run-import:${jobId}` });
}

const jobColumns = {
  id: importJobs.id,
  source: importJobs.source,
  fileName: importJobs.fileName,
  status: importJobs.status,
  totalRows: importJobs.totalRows,
  doneRows: importJobs.doneRows,
  matched: importJobs.matched,
  created: importJobs.created,
  unchanged: importJobs.unchanged,
  failed: importJobs.failed,
  createdAt: importJobs.createdAt,
  finishedAt: importJobs.finishedAt,
};

/** One of the caller's imports with its progress. */
export async function getImport(db: Executor, userId: string, importId: string) {
  const [job] = await db
    .select(jobColumns)
    .from(importJobs)
    .where(and(eq(importJobs.id, importId), eq(importJobs.userId, userId)));
  if (!job) throw notFound("No such import of yours");
  return job;
}

export async function listImports(db: Executor, userId: string, page: Page) {
  const sort = { key: importJobs.createdAt, id: importJobs.id };
  const rows = await pageRows(
    db.select(jobColumns).from(importJobs).$dynamic(),
    importsPager,
    sort,
    page,
    eq(importJobs.userId, userId),
  );
  return importsPager.page(rows, page.limit, (row) => ({ key: row.createdAt, id: row.id }));
}

const failureColumns = {
  id: importRows.id,
  rowNumber: importRows.rowNumber,
  reason: importRows.reason,
  title: sql<string | null>`${importRows.data}->>'title'`,
  authors: sql<string[] | null>`${importRows.data}->'authors'`,
  isbn13: sql<string | null>`${importRows.data}->>'isbn13'`,
};

/** The rows of an import that failed, in file order, each with its reason. */
export async function importFailures(db: Executor, userId: string, input: Page & { importId: string }) {
  const job = await getImport(db, userId, input.importId);
  const sort = { key: importRows.rowNumber, id: importRows.id };
  const condition = and(eq(importRows.jobId, job.id), eq(importRows.status, "failed"));
  const rows = await pageRows(
    db.select(failureColumns).from(importRows).$dynamic(),
    failuresPager,
    sort,
    input,
    condition,
  );
  return failuresPager.page(rows, input.limit, (row) => ({ key: row.rowNumber, id: row.id }));
}

/** Every failed row as a CSV file, to fix and import again. */
export async function importFailuresCsv(db: Executor, userId: string, importId: string) {
  const job = await getImport(db, userId, importId);
  const rows = await db
    .select(failureColumns)
    .from(importRows)
    .where(and(eq(importRows.jobId, job.id), eq(importRows.status, "failed")))
    .orderBy(importRows.rowNumber);
  const csv = stringify(
    rows.map((row) => [
      row.rowNumber,
      row.title ?? "",
      (row.authors ?? []).join(", "),
      row.isbn13 ?? "",
      row.reason ?? "",
    ]),
    { header: true, columns: ["Row", "Title", "Authors", "ISBN13", "Reason"] },
  );
  return { fileName: `${job.fileName.replace(/\.csv$/i, "")}-failed-rows.csv`, csv };
}
