import { eq, sessions } from "@booky/db";
import { describe, expect, it } from "vitest";
import { createTestClient, rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const secureServer = await startTestServer({ env: { COOKIE_SECURE: "true" } });

/** Another "browser" holding a copy of the given refresh cookie. */
function clientWithCookie(value: string, headers: Record<string, string> = {}) {
  const thief = createTestClient(server.url, { headers });
  thief.cookies.set("booky_refresh", value);
  return thief;
}

describe("auth.refresh", () => {
  it("trades the cookie for a new access token and rotates the cookie every time", async () => {
    const { client, user } = await signedUpClient(server);
    const first = client.cookies.get("booky_refresh");
    const grant = await client.trpc.auth.refresh.mutate();
    const second = client.cookies.get("booky_refresh");
    expect(grant.user.id).toBe(user.id);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    client.accessToken = grant.accessToken;
    expect((await client.trpc.auth.me.query()).id).toBe(user.id);
  });

  it("reusing a rotated token revokes the whole session, newest token included", async () => {
    const { client, user } = await signedUpClient(server);
    const stolen = client.cookies.get("booky_refresh") ?? "";
    await client.trpc.auth.refresh.mutate(); // the owner rotates: `stolen` is now spent

    const replay = await rejectionOf(clientWithCookie(stolen).trpc.auth.refresh.mutate());
    expect(replay.data?.code).toBe("UNAUTHORIZED");

    const owner = await rejectionOf(client.trpc.auth.refresh.mutate());
    expect(owner.data?.code).toBe("UNAUTHORIZED");
    const rows = await server.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.revokedReason).toBe("reuse");
  });

  it("of two refreshes racing with the same token, at most one succeeds", async () => {
    const { client } = await signedUpClient(server);
    const token = client.cookies.get("booky_refresh") ?? "";
    const results = await Promise.allSettled([
      clientWithCookie(token).trpc.auth.refresh.mutate(),
      clientWithCookie(token).trpc.auth.refresh.mutate(),
    ]);
    expect(results.filter((result) => result.status === "fulfilled").length).toBeLessThanOrEqual(1);
    expect(results.filter((result) => result.status === "rejected").length).toBeGreaterThanOrEqual(1);
  });

  it("answers UNAUTHORIZED without a cookie, or with an unknown one", async () => {
    expect((await rejectionOf(server.client().trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    const unknown = clientWithCookie("A".repeat(43));
    expect((await rejectionOf(unknown.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
  });

  it("refuses cross-site callers, by Origin or by Sec-Fetch-Site", async () => {
    const { client } = await signedUpClient(server);
    const token = client.cookies.get("booky_refresh") ?? "";
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of foreign) {
      const error = await rejectionOf(clientWithCookie(token, headers).trpc.auth.refresh.mutate());
      expect(error.data?.code).toBe("FORBIDDEN");
    }
    // The refused attempts spent nothing: the real owner still refreshes.
    await expect(client.trpc.auth.refresh.mutate()).resolves.toMatchObject({ user: expect.any(Object) });
  });
});

describe("the refresh cookie", () => {
  it("is HttpOnly, SameSite=Strict, scoped to /trpc and Secure when configured", async () => {
    const response = await fetch(`${secureServer.url}/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: {
          email: "cookie@example.com",
          username: "cookie_tester",
          displayName: "C",
          password: "a long passphrase here",
        },
      }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("booky_refresh="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/trpc/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Expires=/i);
  });
});
