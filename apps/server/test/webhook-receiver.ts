import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterAll } from "vitest";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP server standing in for a club's webhook endpoint: records every
 * POST and answers the statuses queued in `answers` (then 200).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("receiver has no port");
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${address.port}/hooks`, port: address.port, received, answers };
}
