import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const { client, user } = await signedUpClient(server);
const session = await client.trpc.auth.me.query();
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString());
const sid: string = claimsOf(client.accessToken ?? "").sid;

function token(options: { secret?: string; iss?: string; aud?: string; expiresIn?: number; withExp?: boolean } = {}) {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT({ sid, role: "user" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user.id)
    .setIssuer(options.iss ?? server.config.JWT_ISSUER)
    .setAudience(options.aud ?? server.config.JWT_AUDIENCE)
    .setIssuedAt(now - 60);
  if (options.withExp !== false) jwt = jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  return jwt.sign(new TextEncoder().encode(options.secret ?? server.config.JWT_SECRET));
}

async function meWith(accessToken: string) {
  const other = server.client();
  other.accessToken = accessToken;
  return other.trpc.auth.me.query();
}

describe("access tokens", () => {
  it("a well-formed token for a live session is accepted", async () => {
    expect((await meWith(await token())).id).toBe(session.id);
  });

  it("expires within 15 minutes and names issuer, audience and session", () => {
    const claims = claimsOf(client.accessToken ?? "");
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    expect(claims).toMatchObject({ iss: server.config.JWT_ISSUER, aud: server.config.JWT_AUDIENCE, sub: user.id });
  });

  const refused: [string, () => Promise<string>][] = [
    ["an expired token", () => token({ expiresIn: -10 })],
    ["a token signed with another key", () => token({ secret: "another-secret-that-is-also-long-enough-0123" })],
    ["a token from another issuer", () => token({ iss: "someone-else" })],
    ["a token for another audience", () => token({ aud: "another-app" })],
    ["a token without an expiry", () => token({ withExp: false })],
    [
      'an unsigned token with alg "none"',
      async () => {
        const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
        const body = Buffer.from(
          JSON.stringify({
            sub: user.id,
            sid,
            role: "admin",
            iss: server.config.JWT_ISSUER,
            aud: server.config.JWT_AUDIENCE,
            iat: Math.floor(Date.now() / 1000),
            exp: Math.floor(Date.now() / 1000) + 300,
          }),
        ).toString("base64url");
        return `${header}.${body}.`;
      },
    ],
    ["garbage", async () => "not-a-jwt"],
  ];

  for (const [name, make] of refused) {
    it(`refuses ${name} with UNAUTHORIZED`, async () => {
      const error = await rejectionOf(meWith(await make()));
      expect(error.data?.code).toBe("UNAUTHORIZED");
    });
  }

  it("refuses a call without any token", async () => {
    const error = await rejectionOf(server.client().trpc.auth.me.query());
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.httpStatus).toBe(401);
  });

  it("stops accepting a token as soon as its session is logged out", async () => {
    const { client: member } = await signedUpClient(server);
    const stale = member.accessToken ?? "";
    await member.trpc.auth.logOut.mutate();
    const error = await rejectionOf(meWith(stale));
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});
