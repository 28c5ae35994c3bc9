import { createHash } from "node:crypto";
import { eq, refreshTokens, sessions, sql } from "@booky/db";
import { describe, expect, it } from "vitest";
import { claimsOf, rawCall, refreshCookieLine } from "./accounts-support.js";
import { createTestClient, newMember, rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const APP_ORIGIN = "https://app.booky.example";
const server = await startTestServer({ env: { CORS_ORIGINS: APP_ORIGIN } });
const secureServer = await startTestServer({ env: { COOKIE_SECURE: "true" } });

/** Another "browser" holding a copy of the given refresh cookie. */
function clientWithCookie(value: string, headers: Record<string, string> = {}) {
  const other = createTestClient(server.url, { headers });
  other.cookies.set("booky_refresh", value);
  return other;
}

const sessionOf = async (accessToken: string | null) => {
  const [row] = await server.db
    .select()
    .from(sessions)
    .where(eq(sessions.id, String(claimsOf(accessToken).sid)));
  return row;
};

/** A refresh that must renew a session (a call without a cookie answers null). */
async function grantOf<T>(call: Promise<T | null>): Promise<T> {
  const grant = await call;
  if (!grant) throw new Error("expected a renewed session, got none");
  return grant;
}

describe("auth.refresh", () => {
  it("trades the cookie for a new access token and a new cookie, every time", async () => {
    const { client, user } = await signedUpClient(server);
    const seen = [client.cookies.get("booky_refresh")];
    for (let round = 0; round < 3; round++) {
      const grant = await grantOf(client.trpc.auth.refresh.mutate());
      expect(grant.user.id).toBe(user.id);
      seen.push(client.cookies.get("booky_refresh"));
      client.accessToken = grant.accessToken;
      expect((await client.trpc.auth.me.query()).id).toBe(user.id);
    }
    expect(new Set(seen).size).toBe(4);
    expect(seen.every((value) => value?.length === 43)).toBe(true);
  });

  it("stays in one session and stores each refresh token only as a SHA-256 digest, spent once", async () => {
    const { client } = await signedUpClient(server);
    const sessionId = String(claimsOf(client.accessToken).sid);
    const first = client.cookies.get("booky_refresh") ?? "";
    const grant = await grantOf(client.trpc.auth.refresh.mutate());
    expect(claimsOf(grant.accessToken).sid).toBe(sessionId);
    const second = client.cookies.get("booky_refresh") ?? "";

    const rows = await server.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.sessionId, sessionId))
      .orderBy(refreshTokens.createdAt);
    const digest = (token: string) => createHash("sha256").update(token).digest();
    expect(rows.map((row) => row.tokenHash)).toEqual([digest(first), digest(second)]);
    expect(rows.map((row) => row.usedAt !== null)).toEqual([true, false]);
  });

  it("keeps the session's end date: rotation does not extend a session forever", async () => {
    const { client } = await signedUpClient(server);
    const before = await sessionOf(client.accessToken);
    const grant = await grantOf(client.trpc.auth.refresh.mutate());
    const after = await sessionOf(grant.accessToken);
    expect(after?.expiresAt).toEqual(before?.expiresAt);
    expect(after?.lastUsedAt.getTime()).toBeGreaterThanOrEqual(before?.lastUsedAt.getTime() ?? 0);
  });

  it("reusing a rotated token revokes the whole session: the newest cookie and access token stop working", async () => {
    const { client, details, user } = await signedUpClient(server);
    const phone = server.client();
    await phone.trpc.auth.logIn.mutate(details);
    const stolen = client.cookies.get("booky_refresh") ?? "";
    const grant = await grantOf(client.trpc.auth.refresh.mutate()); // the owner rotates: `stolen` is now spent
    client.accessToken = grant.accessToken;

    const thief = clientWithCookie(stolen);
    const replay = await rejectionOf(thief.trpc.auth.refresh.mutate());
    expect(replay.data?.code).toBe("UNAUTHORIZED");
    expect(thief.cookies.has("booky_refresh")).toBe(false);

    expect((await rejectionOf(client.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(client.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await sessionOf(grant.accessToken))?.revokedReason).toBe("reuse");

    // Reuse ends the leaked session only; the member's other device carries on.
    await expect(phone.trpc.auth.refresh.mutate()).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("of two refreshes racing with one token, at most one succeeds and no second successor is issued", async () => {
    const { client } = await signedUpClient(server);
    const sessionId = String(claimsOf(client.accessToken).sid);
    const token = client.cookies.get("booky_refresh") ?? "";
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => clientWithCookie(token).trpc.auth.refresh.mutate()),
    );
    const succeeded = results.filter((result) => result.status === "fulfilled");
    expect(succeeded.length).toBeLessThanOrEqual(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason.data?.code).toBe("UNAUTHORIZED");
    }
    expect(await server.db.$count(refreshTokens, eq(refreshTokens.sessionId, sessionId))).toBeLessThanOrEqual(2);
  });

  it("answers no session (null, not an error) without a cookie: a visitor's page load fails no request", async () => {
    await expect(server.client().trpc.auth.refresh.mutate()).resolves.toBeNull();
  });

  it("answers UNAUTHORIZED with an unknown cookie or an overlong one", async () => {
    for (const value of ["A".repeat(43), "x".repeat(500)]) {
      const error = await rejectionOf(clientWithCookie(value).trpc.auth.refresh.mutate());
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Your session has ended; sign in again");
    }
  });

  it("answers UNAUTHORIZED once the session has passed its end date", async () => {
    const { client } = await signedUpClient(server);
    const sessionId = String(claimsOf(client.accessToken).sid);
    await server.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, sessionId));
    expect((await rejectionOf(client.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(client.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
  });

  it("refuses a foreign Origin or Sec-Fetch-Site: cross-site with FORBIDDEN, spending nothing", async () => {
    const { client } = await signedUpClient(server);
    const token = client.cookies.get("booky_refresh") ?? "";
    const foreign: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { origin: APP_ORIGIN, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      const error = await rejectionOf(clientWithCookie(token, headers).trpc.auth.refresh.mutate());
      expect(error.data?.code, JSON.stringify(headers)).toBe("FORBIDDEN");
    }
    await expect(client.trpc.auth.refresh.mutate()).resolves.toMatchObject({ user: expect.any(Object) });
  });

  it("accepts the server's own origin, a listed origin and same-site fetches", async () => {
    const allowed: Record<string, string>[] = [
      { origin: server.url },
      { origin: APP_ORIGIN },
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-site", origin: APP_ORIGIN },
    ];
    for (const headers of allowed) {
      const { client } = await signedUpClient(server);
      const caller = clientWithCookie(client.cookies.get("booky_refresh") ?? "", headers);
      await expect(caller.trpc.auth.refresh.mutate(), JSON.stringify(headers)).resolves.toBeDefined();
    }
  });
});

describe("the refresh cookie", () => {
  async function signUpRaw(target: typeof server) {
    const response = await rawCall(target, "auth.signUp", { input: newMember() });
    expect(response.status).toBe(200);
    return response;
  }

  it("is HttpOnly, SameSite=Strict, scoped to /trpc, Secure when COOKIE_SECURE is true, and dated", async () => {
    const response = await signUpRaw(secureServer);
    const cookie = refreshCookieLine(response) ?? "";
    const attributes = cookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=strict", "path=/trpc", "secure"]));
    const expires = Date.parse(cookie.match(/Expires=([^;]+)/i)?.[1] ?? "");
    const days = (expires - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(secureServer.config.REFRESH_TOKEN_TTL_DAYS - 1);
    expect(days).toBeLessThanOrEqual(secureServer.config.REFRESH_TOKEN_TTL_DAYS);
  });

  it("keeps the same attributes and end date when refresh rotates it", async () => {
    const signUp = await signUpRaw(secureServer);
    const first = refreshCookieLine(signUp) ?? "";
    const value = first.split(";")[0] ?? "";
    const refreshed = await rawCall(secureServer, "auth.refresh", { headers: { cookie: value } });
    expect(refreshed.status).toBe(200);
    const second = refreshCookieLine(refreshed) ?? "";
    const attributesOf = (line: string) =>
      line
        .split(";")
        .slice(1)
        .map((part) => part.trim());
    expect(second.split(";")[0]).not.toBe(value);
    expect(attributesOf(second)).toEqual(attributesOf(first));
  });

  it("is not marked Secure when COOKIE_SECURE is false (plain-HTTP development)", async () => {
    const cookie = refreshCookieLine(await signUpRaw(server)) ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
