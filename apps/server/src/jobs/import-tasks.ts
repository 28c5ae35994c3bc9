import { and, type Database, importJobs, inArray, isNull, lt } from "@booky/db";
import type { FastifyBaseLogger } from "fastify";
import type { TaskList } from "graphile-worker";
import { z } from "zod";
import type { BookMetadata } from "../services/books/book-metadata.js";
import { enqueueImportRun } from "../services/imports.js";
import { runImport } from "../services/imports-run.js";

const importPayload = z.object({ jobId: z.uuid() });

/** The import jobs: working through a file's rows, and the sweep that resumes imports a dead worker left. */
export function createImportTasks(db: Database, log: FastifyBaseLogger, bookMetadata: BookMetadata): TaskList {
  return {
    async "run-import"(payload) {
      const { jobId } = importPayload.parse(payload);
      const result = await runImport({ db, bookMetadata }, jobId);
      log.info({ jobId, ...result }, "import");
    },

    /** Every minute: an unfinished import with no progress for a minute (its worker died) is queued again. */
    async "imports-sweep"() {
      const stalled = await db
        .select({ id: importJobs.id })
        .from(importJobs)
        .where(
          and(
            inArray(importJobs.status, ["queued", "running"]),
            isNull(importJobs.finishedAt),
            lt(importJobs.heartbeatAt, new Date(Date.now() - 60_000)),
          ),
        )
        .limit(100);
      for (const job of stalled) await enqueueImportRun(db, job.id);
      if (stalled.length > 0) log.info({ resumed: stalled.length }, "imports sweep");
    },
  };
}

export const importCrontab = ["* * * * * imports-sweep"];
