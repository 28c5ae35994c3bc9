import { BENCH_PASSWORD } from "../seed/plan.js";

/**
 * Each benchmark request carries its own client address (the server runs
 * with TRUST_PROXY=true, as behind a load balancer), so log-in's per-address
 * limit sees many clients, as in production. Loopback addresses only.
 */
export function clientAddress(n: number): string {
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

let addressCounter = 1_000_000;

/** Logs `emails` in through `auth.logIn` (a few at a time) and returns each one's access token. */
export async function logIn(baseUrl: string, emails: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift()) {
      const response = await fetch(`${baseUrl}/trpc/auth.logIn`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": clientAddress(addressCounter++) },
        body: JSON.stringify({ json: { email, password: BENCH_PASSWORD } }),
      });
      const body = (await response.json()) as { result?: { data: { json: { accessToken: string } } } };
      if (!response.ok || !body.result) throw new Error(`log-in of ${email} failed: ${JSON.stringify(body)}`);
      tokens.set(email, body.result.data.json.accessToken);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return tokens;
}
