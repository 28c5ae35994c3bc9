import { bookIdInput, pageInput } from "@booky/domain";
import { z } from "zod";
import { getImport, importFailures, importFailuresCsv, listImports } from "../services/imports.js";
import { exportGoodreadsCsv, exportLibrary } from "../services/imports-export.js";
import { retryImportRow } from "../services/imports-run.js";
import { authedProcedure, router } from "../trpc.js";

const importIdInput = z.object({ importId: z.uuid("Unknown import") });

/** Files are uploaded to `POST /imports` (see http/imports-upload.ts); these follow and finish an import. */
export const importsRouter = router({
  /** One import's progress: rows done of total; matched, created, unchanged, failed. */
  get: authedProcedure.input(importIdInput).query(({ ctx, input }) => getImport(ctx.db, ctx.user.id, input.importId)),
  list: authedProcedure.input(pageInput).query(({ ctx, input }) => listImports(ctx.db, ctx.user.id, input)),
  /** The rows that failed, with their reasons. */
  failures: authedProcedure
    .input(importIdInput.extend(pageInput.shape))
    .query(({ ctx, input }) => importFailures(ctx.db, ctx.user.id, input)),
  failuresCsv: authedProcedure
    .input(importIdInput)
    .query(({ ctx, input }) => importFailuresCsv(ctx.db, ctx.user.id, input.importId)),
  /** Imports a failed row again with the catalog book the member picked. */
  retryRow: authedProcedure
    .input(bookIdInput.extend({ rowId: z.uuid("Unknown row") }))
    .mutation(({ ctx, input }) => retryImportRow(ctx.db, ctx.user.id, input)),
  exportGoodreads: authedProcedure.query(({ ctx }) => exportGoodreadsCsv(ctx.db, ctx.user.id)),
  exportJson: authedProcedure.query(({ ctx }) => exportLibrary(ctx.db, ctx.user.id)),
});
