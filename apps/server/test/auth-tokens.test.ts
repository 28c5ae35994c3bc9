import { eq, users } from "@booky/db";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { claimsOf, rawCall } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const { client, user } = await signedUpClient(server);
const sid = String(claimsOf(client.accessToken).sid);
const { user: otherUser, client: otherClient } = await signedUpClient(server);
const otherSid = String(claimsOf(otherClient.accessToken).sid);

interface TokenOptions {
  secret?: string;
  alg?: string;
  sub?: string;
  sid?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  withExp?: boolean;
}

/** An access token like the server's, with one thing changed. */
function token(options: TokenOptions = {}) {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ sid: options.sid ?? sid, role: "user" })
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .setSubject(options.sub ?? user.id)
    .setIssuer(options.iss ?? server.config.JWT_ISSUER)
    .setAudience(options.aud ?? server.config.JWT_AUDIENCE)
    .setIssuedAt(now - 60);
  if (options.withExp !== false) jwt = jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  return jwt.sign(new TextEncoder().encode(options.secret ?? server.config.JWT_SECRET));
}

/** A hand-built JWT that claims to need no signature. */
function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: "none", typ: "JWT" });
  const body = encode({
    sub: user.id,
    sid,
    role: "admin",
    iss: server.config.JWT_ISSUER,
    aud: server.config.JWT_AUDIENCE,
    iat: now,
    exp: now + 300,
  });
  return `${header}.${body}.`;
}

async function meWith(accessToken: string) {
  const caller = server.client();
  caller.accessToken = accessToken;
  return caller.trpc.auth.me.query();
}

describe("access tokens", () => {
  it("the server's own token names issuer, audience, user and session, and lives at most 15 minutes", () => {
    const claims = claimsOf(client.accessToken);
    expect(claims).toMatchObject({
      iss: server.config.JWT_ISSUER,
      aud: server.config.JWT_AUDIENCE,
      sub: user.id,
      sid: expect.any(String),
      role: "user",
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(server.config.ACCESS_TOKEN_TTL_SECONDS);
    expect(server.config.ACCESS_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(900);
  });

  it("a well-formed token for a live session is accepted", async () => {
    expect((await meWith(await token())).id).toBe(user.id);
  });

  const refused: [string, () => Promise<string> | string][] = [
    ["an expired token", () => token({ expiresIn: -10 })],
    ["a token signed with another secret", () => token({ secret: "another-secret-that-is-also-long-enough-0123" })],
    ['an unsigned token with alg "none"', unsignedToken],
    ["a token signed with the right secret but another algorithm (HS512)", () => token({ alg: "HS512" })],
    ["a token from another issuer", () => token({ iss: "someone-else" })],
    ["a token for another audience", () => token({ aud: "another-app" })],
    ["a token without an expiry", () => token({ withExp: false })],
    ["a token naming another member's session", () => token({ sid: otherSid })],
    ["a token naming a session that does not exist", () => token({ sid: "00000000-0000-4000-8000-000000000000" })],
    ["a token whose session id is not a uuid", () => token({ sid: "not-a-uuid" })],
    ["a token whose subject is not a uuid", () => token({ sub: "1 or 1=1" })],
    ["a token with a tampered payload", async () => tamper(client.accessToken ?? "", { sub: otherUser.id })],
    ["garbage", () => "not-a-jwt"],
    ["an empty token", () => ""],
  ];

  for (const [name, make] of refused) {
    it(`refuses ${name} with UNAUTHORIZED`, async () => {
      const error = await rejectionOf(meWith(await make()));
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.data?.httpStatus).toBe(401);
    });
  }

  it("refuses a call without a token, or with another authorization scheme", async () => {
    expect((await rejectionOf(server.client().trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    const basic = await rawCall(server, "auth.me", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.status).toBe(401);
  });

  it("stops accepting a token as soon as its session is logged out", async () => {
    const { client: member } = await signedUpClient(server);
    const stale = member.accessToken ?? "";
    await member.trpc.auth.logOut.mutate();
    expect((await rejectionOf(meWith(stale))).data?.code).toBe("UNAUTHORIZED");
  });

  it("reads the member's role from the database, not from the token", async () => {
    const { client: member, user: memberUser } = await signedUpClient(server);
    await server.db.update(users).set({ role: "admin" }).where(eq(users.id, memberUser.id));
    expect((await member.trpc.auth.me.query()).role).toBe("admin");
    await server.db.update(users).set({ role: "user" }).where(eq(users.id, memberUser.id));
    expect((await member.trpc.auth.me.query()).role).toBe("user");
  });
});

/** Swaps claims in a signed token, keeping its original signature. */
function tamper(jwt: string, claims: Record<string, unknown>): string {
  const [header, body, signature] = jwt.split(".");
  const payload = { ...JSON.parse(Buffer.from(body ?? "", "base64url").toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
}
