import { createHash } from "node:crypto";
import { apiTokens, eq, sql } from "@booky/db";
import type { ApiTokenScope } from "@booky/domain";
import { describe, expect, it } from "vitest";
import { defaultRateLimits } from "../src/services/rate-limits.js";
import { rejectionOf, signedUpClient, startTestServer, type TestServer } from "./harness.js";
import { type Reader, raceMeeting } from "./race-support.js";
import { callRest } from "./rest-support.js";

const server = await startTestServer();

/** A client that calls tRPC with `token` as its bearer. */
function tokenClient(on: TestServer, token: string) {
  const client = on.client();
  client.accessToken = token;
  return client;
}

async function newToken(reader: Reader, scopes: ApiTokenScope[], expiresAt: Date | null = null) {
  return reader.client.trpc.apiTokens.create.mutate({
    name: `script: ${scopes.join(" ").slice(0, 50)}`,
    scopes,
    expiresAt,
  });
}

describe("personal access tokens", () => {
  it("are shown once, stored as a digest and listed without the token", async () => {
    const reader = await signedUpClient(server);
    const created = await newToken(reader, ["read", "progress:write"]);
    expect(created.token).toMatch(/^bky_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "script: read progress:write", lastUsedAt: null, revokedAt: null });

    const [stored] = await server.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored?.tokenHash.equals(createHash("sha256").update(created.token).digest())).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(4));

    const listed = await reader.client.trpc.apiTokens.list.query({});
    const { token: _shownOnce, ...shown } = created;
    expect(listed.items).toEqual([shown]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("work as a bearer on /trpc and /api/v1 and note their last use", async () => {
    const reader = await signedUpClient(server);
    const { token, id } = await newToken(reader, ["read"]);
    expect((await tokenClient(server, token).trpc.auth.me.query()).id).toBe(reader.user.id);
    const balance = await callRest(server, { method: "GET", path: "/points/balance" }, {}, token);
    expect(balance).toMatchObject({ status: 200, body: { balance: expect.any(Number) } });
    const [row] = await server.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answer FORBIDDEN naming the scope a change needs, and allow it with the scope", async () => {
    const race = await raceMeeting(server, 1);
    const reader = race.members[0] as Reader;
    const meetingId = race.meeting.id;
    const readOnly = (await newToken(reader, ["read"])).token;
    const needs: [ApiTokenScope, (client: ReturnType<typeof tokenClient>) => Promise<unknown>][] = [
      ["progress:write", (c) => c.trpc.progress.update.mutate({ meetingId, page: 5, expectedVersion: 0 })],
      ["bets:write", (c) => c.trpc.bets.place.mutate({ meetingId, horseId: race.owner.user.id, stake: 2 })],
      ["meetings:write", (c) => c.trpc.meetings.rsvp.mutate({ meetingId, status: "going" })],
      ["clubs:write", (c) => c.trpc.clubs.leave.mutate({ clubId: race.club.id })],
    ];
    for (const [scope, call] of needs) {
      const refused = await rejectionOf(call(tokenClient(server, readOnly)));
      expect(refused.data?.code, scope).toBe("FORBIDDEN");
      expect(refused.message).toBe(`This token lacks the "${scope}" scope`);
    }
    const rest = await callRest(
      server,
      { method: "POST", path: "/meetings/{meetingId}/progress" },
      { meetingId, page: 5, expectedVersion: 0 },
      readOnly,
    );
    expect(rest).toMatchObject({
      status: 403,
      body: { code: "FORBIDDEN", message: 'This token lacks the "progress:write" scope' },
    });
    expect((await reader.client.trpc.progress.get.query({ meetingId })).version).toBe(0);

    for (const [scope, call] of needs) {
      const allowed = tokenClient(server, (await newToken(reader, [scope])).token);
      await expect(call(allowed), scope).resolves.toBeDefined();
    }
  });

  it("cannot manage tokens, change the password or open a live stream", async () => {
    const reader = await signedUpClient(server);
    const client = tokenClient(
      server,
      (
        await newToken(reader, [
          ...(["read", "progress:write", "bets:write", "clubs:write", "meetings:write"] as const),
        ])
      ).token,
    );
    const calls = [
      client.trpc.apiTokens.create.mutate({ name: "more", scopes: ["read"] }),
      client.trpc.auth.changePassword.mutate({
        currentPassword: reader.details.password,
        newPassword: "a new passphrase here",
      }),
      client.trpc.notifications.streamTicket.mutate(),
    ];
    for (const call of calls) expect((await rejectionOf(call)).data?.code).toBe("FORBIDDEN");
    expect((await reader.client.trpc.apiTokens.list.query({})).items).toHaveLength(1);
  });

  it("stop at once when revoked, and when expired", async () => {
    const reader = await signedUpClient(server);
    const created = await newToken(reader, ["read"]);
    const client = tokenClient(server, created.token);
    await client.trpc.points.balance.query();
    const revoked = await reader.client.trpc.apiTokens.revoke.mutate({ tokenId: created.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await rejectionOf(client.trpc.points.balance.query())).data?.code).toBe("UNAUTHORIZED");
    const rest = await callRest(server, { method: "GET", path: "/points/balance" }, {}, created.token);
    expect(rest).toMatchObject({ status: 401, body: { code: "UNAUTHORIZED" } });

    const expiring = await newToken(reader, ["read"], new Date(Date.now() + 60_000));
    await server.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, expiring.id));
    expect((await rejectionOf(tokenClient(server, expiring.token).trpc.points.balance.query())).data?.code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("refuse bad input and change nothing", async () => {
    const reader = await signedUpClient(server);
    const bad = [
      { name: "", scopes: ["read"] as ApiTokenScope[] },
      { name: "none", scopes: [] },
      { name: "twice", scopes: ["read", "read"] as ApiTokenScope[] },
      { name: "past", scopes: ["read"] as ApiTokenScope[], expiresAt: new Date(Date.now() - 1000) },
      { name: "odd", scopes: ["admin"] as unknown as ApiTokenScope[] },
    ];
    for (const input of bad) {
      expect((await rejectionOf(reader.client.trpc.apiTokens.create.mutate(input))).data?.code).toBe("BAD_REQUEST");
    }
    expect((await reader.client.trpc.apiTokens.list.query({})).items).toEqual([]);
  });

  it("are rate limited per token", async () => {
    const limited = await startTestServer({
      rateLimits: { ...defaultRateLimits, apiTokenRequests: { points: 2, duration: 60 } },
    });
    const reader = await signedUpClient(limited);
    const first = tokenClient(limited, (await newToken(reader, ["read"])).token);
    const second = (await newToken(reader, ["read"])).token;
    await first.trpc.points.balance.query();
    await first.trpc.points.balance.query();
    const refused = await rejectionOf(first.trpc.points.balance.query());
    expect(refused.data).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfter: expect.any(Number) });
    const rest = await callRest(limited, { method: "GET", path: "/points/balance" }, {}, second);
    expect(rest.status).toBe(200);
  });
});
