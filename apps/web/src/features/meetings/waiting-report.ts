import type { updateProgressInput } from "@booky/domain";
import { del, get, set } from "idb-keyval";
import type { z } from "zod";

/**
 * A progress report made offline, kept in IndexedDB (idb-keyval) until it is
 * sent: React Query holds a paused mutation in memory only, so without this a
 * reload (or the phone closing the app) would lose it. One per meeting: a
 * newer report replaces the one waiting. Storage refused (private mode) only
 * means the report lives as long as the page, as before.
 */
export type WaitingReport = z.output<typeof updateProgressInput>;

const keyOf = (meetingId: string) => `booky:waiting-report:${meetingId}`;

export const keepWaitingReport = (report: WaitingReport) => set(keyOf(report.meetingId), report).catch(() => {});

export const waitingReport = (meetingId: string) => get<WaitingReport>(keyOf(meetingId)).catch(() => undefined);

export const forgetWaitingReport = (meetingId: string) => del(keyOf(meetingId)).catch(() => {});
