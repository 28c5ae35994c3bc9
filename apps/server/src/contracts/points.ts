import { rowSchemas } from "@booky/db";
import { z } from "zod";
import { memberName, pageOf } from "./shared.js";

export const balanceOutput = z.object({
  balance: z.int(),
  score: z.object({ allTime: z.int(), thisMonth: z.int() }),
});

export const ledgerOutput = pageOf(
  rowSchemas.pointLedger.pick({ id: true, kind: true, amount: true, createdAt: true, betId: true }).extend({
    meeting: z
      .object({ id: rowSchemas.meetings.shape.id, bookTitle: rowSchemas.books.shape.title.nullable() })
      .nullable(),
    /** The horse of the bet the entry is about, if any. */
    horse: memberName.nullable(),
  }),
);
