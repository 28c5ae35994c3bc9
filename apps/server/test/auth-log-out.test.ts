import { eq, sessions } from "@booky/db";
import { describe, expect, it } from "vitest";
import { rawCall, refreshCookieLine } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();

/** The member on a second device: its own cookie jar and access token. */
async function secondDevice(member: { email: string; password: string }) {
  const device = server.client();
  device.accessToken = (await device.trpc.auth.logIn.mutate(member)).accessToken;
  return device;
}

const sessionsOf = (userId: string) => server.db.select().from(sessions).where(eq(sessions.userId, userId));

describe("auth.logOut", () => {
  it("ends this device's session only: its token and cookie stop working, the other device carries on", async () => {
    const { client: laptop, details, user } = await signedUpClient(server);
    const phone = await secondDevice(details);
    const laptopCookie = laptop.cookies.get("booky_refresh") ?? "";

    await expect(laptop.trpc.auth.logOut.mutate()).resolves.toEqual({ ok: true });
    expect(laptop.cookies.has("booky_refresh")).toBe(false);
    expect((await rejectionOf(laptop.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    laptop.cookies.set("booky_refresh", laptopCookie);
    expect((await rejectionOf(laptop.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");

    await expect(phone.trpc.auth.me.query()).resolves.toMatchObject({ id: user.id });
    await expect(phone.trpc.auth.refresh.mutate()).resolves.toMatchObject({ user: { id: user.id } });
    const rows = await sessionsOf(user.id);
    expect(rows.map((row) => row.revokedReason ?? "open").sort()).toEqual(["logout", "open"]);
  });

  it("clears the refresh cookie in the response", async () => {
    const { client } = await signedUpClient(server);
    const response = await rawCall(server, "auth.logOut", {
      headers: { cookie: `booky_refresh=${client.cookies.get("booky_refresh")}` },
    });
    expect(response.status).toBe(200);
    const line = refreshCookieLine(response);
    expect(line).toMatch(/^booky_refresh=;/);
    expect(line).toMatch(/Expires=Thu, 01 Jan 1970/i);
    expect(line).toMatch(/Path=\/trpc/i);
  });

  it("ends the session from the access token alone when the cookie is gone", async () => {
    const { client, user } = await signedUpClient(server);
    client.cookies.clear();
    await client.trpc.auth.logOut.mutate();
    expect((await rejectionOf(client.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await sessionsOf(user.id)).map((row) => row.revokedReason)).toEqual(["logout"]);
  });

  it("answers ok to an anonymous caller and changes nothing", async () => {
    const before = await server.db.$count(sessions);
    await expect(server.client().trpc.auth.logOut.mutate()).resolves.toEqual({ ok: true });
    expect(await server.db.$count(sessions)).toBe(before);
  });

  it("refuses a cross-site caller with FORBIDDEN and leaves the session open", async () => {
    const { client, user } = await signedUpClient(server);
    const cookie = client.cookies.get("booky_refresh") ?? "";
    const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of foreign) {
      const response = await rawCall(server, "auth.logOut", {
        headers: { ...headers, cookie: `booky_refresh=${cookie}`, authorization: `Bearer ${client.accessToken}` },
      });
      expect(response.status).toBe(403);
    }
    await expect(client.trpc.auth.me.query()).resolves.toMatchObject({ id: user.id });
    expect((await sessionsOf(user.id))[0]?.revokedAt).toBeNull();
  });
});

describe("auth.logOutEverywhere", () => {
  it("ends every session of the caller: other devices' tokens and cookies stop working", async () => {
    const { client: laptop, details, user } = await signedUpClient(server);
    const phone = await secondDevice(details);
    const tablet = await secondDevice(details);

    await expect(laptop.trpc.auth.logOutEverywhere.mutate()).resolves.toEqual({ revokedSessions: 3 });
    for (const device of [laptop, phone, tablet]) {
      expect((await rejectionOf(device.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    }
    for (const device of [phone, tablet]) {
      expect((await rejectionOf(device.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    }
    expect(laptop.cookies.has("booky_refresh")).toBe(false);
    const rows = await sessionsOf(user.id);
    expect(rows.map((row) => row.revokedReason)).toEqual([
      "logout_everywhere",
      "logout_everywhere",
      "logout_everywhere",
    ]);
  });

  it("leaves other members' sessions alone", async () => {
    const { client } = await signedUpClient(server);
    const { client: stranger, user: strangerUser } = await signedUpClient(server);
    await client.trpc.auth.logOutEverywhere.mutate();
    await expect(stranger.trpc.auth.me.query()).resolves.toMatchObject({ id: strangerUser.id });
    await expect(stranger.trpc.auth.refresh.mutate()).resolves.toBeDefined();
  });

  it("counts only the sessions still open", async () => {
    const { client, details } = await signedUpClient(server);
    const phone = await secondDevice(details);
    await phone.trpc.auth.logOut.mutate();
    await expect(client.trpc.auth.logOutEverywhere.mutate()).resolves.toEqual({ revokedSessions: 1 });
  });
});
