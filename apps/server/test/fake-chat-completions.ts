import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake answers next: a model writing sentences (given the review ids it was sent), or a failure. */
export type ChatMode =
  | { kind: "answer"; write: (reviewIds: string[]) => { text: string; reviewIds: string[] }[] }
  | { kind: "content"; content: string }
  | { kind: "slow"; delayMs: number }
  | { kind: "status"; status: 400 | 429 | 500 }
  | { kind: "malformed-json" }
  | { kind: "redirect"; location: string };

export interface ChatRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

const UUID = /\[([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\]/g;

/** The OpenAI chat-completions wire format, as a local HTTP server (the one internet service the tests fake). */
export async function startFakeChatCompletions() {
  let mode: ChatMode = { kind: "content", content: "{}" };
  const requests: ChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function completion(content: string) {
    return {
      id: `chatcmpl-${requests.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: "fake-model",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const body = raw ? (JSON.parse(raw) as ChatRequest["body"]) : {};
    requests.push({
      method: request.method ?? "",
      path: request.url ?? "",
      authorization: request.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(typeof payload === "string" ? payload : JSON.stringify(payload));
    };
    if (request.method !== "POST" || request.url !== "/v1/chat/completions")
      return send(404, { error: { message: "not found" } });
    const prompt = body.messages?.map((message) => message.content).join("\n") ?? "";
    const ids = [...prompt.matchAll(UUID)].map((match) => match[1] ?? "");
    switch (mode.kind) {
      case "answer":
        return send(200, completion(JSON.stringify({ sentences: mode.write(ids) })));
      case "content":
        return send(200, completion(mode.content));
      case "slow": {
        const timer = setTimeout(() => send(200, completion('{"sentences":[]}')), mode.delayMs);
        timers.add(timer);
        response.on("close", () => clearTimeout(timer));
        return;
      }
      case "status":
        return send(mode.status, { error: { message: "fake failure", type: "server_error" } });
      case "malformed-json":
        return send(200, '{"choices": [');
      case "redirect":
        response.writeHead(302, { location: mode.location });
        return response.end();
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setMode: (next: ChatMode) => {
      mode = next;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
