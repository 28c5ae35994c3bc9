import { describe, expect, it } from "vitest";
import { signedUpClient, startTestServer } from "./harness.js";

/**
 * The Fastify-native tRPC handler must answer exactly as tRPC's own adapter:
 * the same raw requests to both give the same status and the same body
 * (error stacks aside: they name different call sites).
 */
const native = await startTestServer({ env: { TRPC_HANDLER: "native" } });
const adapter = await startTestServer({ env: { TRPC_HANDLER: "adapter" } });
const member = await signedUpClient(native);
const token = member.client.accessToken as string;
// Both servers need a session for the same token: sign the member in on the other one too.
const other = await signedUpClient(adapter);
const otherToken = other.client.accessToken as string;

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));

interface RawRequest {
  name: string;
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  signedIn?: boolean;
}

const requests: RawRequest[] = [
  { name: "a query", method: "GET", path: "/trpc/auth.me", signedIn: true },
  { name: "a query, signed out", method: "GET", path: "/trpc/auth.me" },
  {
    name: "a query with input",
    method: "GET",
    path: `/trpc/clubs.list?input=${encode({ json: { limit: 2 } })}`,
    signedIn: true,
  },
  {
    name: "bad input",
    method: "GET",
    path: `/trpc/clubs.list?input=${encode({ json: { limit: 999 } })}`,
    signedIn: true,
  },
  { name: "malformed input JSON", method: "GET", path: "/trpc/clubs.list?input=%7Bnope", signedIn: true },
  { name: "no such procedure", method: "GET", path: "/trpc/clubs.nope" },
  {
    name: "a query by POST",
    method: "POST",
    path: "/trpc/auth.me",
    body: "{}",
    contentType: "application/json",
    signedIn: true,
  },
  { name: "a mutation by GET", method: "GET", path: "/trpc/auth.logOut" },
  {
    name: "a mutation with bad input",
    method: "POST",
    path: "/trpc/auth.logIn",
    body: JSON.stringify({ json: { email: "not-an-email", password: "x" } }),
    contentType: "application/json",
  },
  {
    name: "a mutation without a body",
    method: "POST",
    path: "/trpc/clubs.create",
    contentType: "application/json",
    signedIn: true,
  },
  {
    name: "a batch, mixed outcomes (207)",
    method: "GET",
    path: `/trpc/auth.me,clubs.list,clubs.nope?batch=1&input=${encode({ 1: { json: { limit: 1 } } })}`,
    signedIn: true,
  },
  { name: "a batch of one", method: "GET", path: `/trpc/auth.me?batch=1&input=${encode({})}`, signedIn: true },
  {
    name: "a batch with non-object input",
    method: "GET",
    path: `/trpc/auth.me,clubs.list?batch=1&input=${encode([1, 2])}`,
    signedIn: true,
  },
  {
    name: "a batch over the limit",
    method: "GET",
    path: `/trpc/${Array.from({ length: 21 }, () => "auth.me").join(",")}?batch=1&input=${encode({})}`,
    signedIn: true,
  },
  {
    name: "a batch mixing queries and mutations",
    method: "GET",
    path: `/trpc/auth.me,auth.logOut?batch=1&input=${encode({})}`,
    signedIn: true,
  },
  { name: "a bad path encoding", method: "GET", path: "/trpc/auth.me%E0%A4%A" },
  {
    name: "an unsupported content type",
    method: "POST",
    path: "/trpc/auth.logOut",
    body: "x",
    contentType: "text/plain",
  },
  { name: "HEAD", method: "HEAD", path: "/trpc/auth.me" },
];

function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "stack")
        .map(([key, inner]) => [key, withoutStacks(inner)]),
    );
  }
  return value;
}

async function send(baseUrl: string, request: RawRequest, bearer: string) {
  const response = await fetch(baseUrl + request.path, {
    method: request.method,
    headers: {
      ...(request.contentType ? { "content-type": request.contentType } : {}),
      ...(request.signedIn ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = withoutStacks(JSON.parse(text));
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, contentType: response.headers.get("content-type"), body };
}

describe("the Fastify-native tRPC handler", () => {
  it.each(requests.map((request) => [request.name, request] as const))(
    "answers %s exactly as tRPC's adapter does",
    async (_name, request) => {
      const [fromNative, fromAdapter] = await Promise.all([
        send(native.url, request, token),
        send(adapter.url, request, otherToken),
      ]);
      // The signed-in member differs between the two servers: compare everything but their identity.
      const anonymize = (answer: typeof fromNative) =>
        JSON.parse(
          JSON.stringify(answer)
            .replaceAll(member.user.id, "<me>")
            .replaceAll(other.user.id, "<me>")
            .replaceAll(member.details.email, "<email>")
            .replaceAll(other.details.email, "<email>")
            .replaceAll(member.details.username, "<username>")
            .replaceAll(other.details.username, "<username>")
            .replaceAll(member.details.displayName, "<name>")
            .replaceAll(other.details.displayName, "<name>")
            .replace(/"createdAt":"[^"]+"/g, '"createdAt":"<time>"'),
        );
      expect(anonymize(fromNative)).toEqual(anonymize(fromAdapter));
    },
  );

  it("is the one serving requests unless the adapter is asked for", async () => {
    // The adapter streams its answer (chunked); the native handler sends it whole, with a length.
    const [fromNative, fromAdapter] = await Promise.all([
      fetch(`${native.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } }),
      fetch(`${adapter.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${otherToken}` } }),
    ]);
    expect(fromNative.headers.get("content-length")).not.toBeNull();
    expect(fromAdapter.headers.get("content-length")).toBeNull();
  });
});
