import type { RouterOutputs } from "@booky/server";
import { sessionStore } from "../../lib/session-store";

type Started = Pick<RouterOutputs["imports"]["get"], "id" | "source" | "totalRows">;

/** Sends an export file to `POST /imports` (a file route: exports are larger than a tRPC call may be). */
export async function uploadExport(file: File): Promise<Started> {
  const response = await fetch(`/imports?fileName=${encodeURIComponent(file.name)}`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${sessionStore.accessToken() ?? ""}` },
    body: file,
  });
  const body = (await response.json()) as Started | { error: { message: string } };
  if ("error" in body) throw new Error(body.error.message);
  return body;
}

/** Offers text as a file download. */
export function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
