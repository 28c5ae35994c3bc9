import { eq, passwordResetTokens, refreshTokens, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { accountRows } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

// The reset mail (and its token) is a queued job.
const server = await startTestServer({ jobs: true });

describe("users.deleteAccount", () => {
  it("refuses a wrong password on the password field and deletes nothing", async () => {
    const { client, user } = await signedUpClient(server);
    const before = await accountRows(server);
    const error = await rejectionOf(client.trpc.users.deleteAccount.mutate({ password: "not my password" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Password is incorrect");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["password"]);
    expect(await accountRows(server)).toEqual(before);
    await expect(client.trpc.auth.me.query()).resolves.toMatchObject({ id: user.id });
  });

  it("anonymises the member's row: personal fields replaced, no password, deletion dated", async () => {
    const { client, details, user } = await signedUpClient(server);
    await client.trpc.users.updateProfile.mutate({ bio: "Soon gone.", avatarUrl: "https://example.com/me.png" });
    await expect(client.trpc.users.deleteAccount.mutate({ password: details.password })).resolves.toEqual({
      ok: true,
    });

    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({
      displayName: "Deleted member",
      bio: "",
      avatarUrl: null,
      passwordHash: null,
      role: "user",
      deletedAt: expect.any(Date),
    });
    expect(row?.email).not.toContain(details.email.split("@")[0]);
    expect(row?.username).not.toContain(details.username);
    expect(JSON.stringify(row)).not.toContain(details.displayName);
  });

  it("ends every session of the member on every device, and removes them with their tokens", async () => {
    const { client: laptop, details, user } = await signedUpClient(server);
    const phone = server.client();
    phone.accessToken = (await phone.trpc.auth.logIn.mutate(details)).accessToken;
    await server.client().trpc.auth.requestPasswordReset.mutate({ email: details.email });
    await expect.poll(() => server.db.$count(passwordResetTokens, eq(passwordResetTokens.userId, user.id))).toBe(1);
    const sessionIds = (await server.db.select().from(sessions).where(eq(sessions.userId, user.id))).map(
      (row) => row.id,
    );

    await laptop.trpc.users.deleteAccount.mutate({ password: details.password });

    expect(laptop.cookies.has("booky_refresh")).toBe(false);
    for (const device of [laptop, phone]) {
      expect((await rejectionOf(device.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    }
    expect((await rejectionOf(phone.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    expect(await server.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);
    for (const sessionId of sessionIds) {
      expect(await server.db.$count(refreshTokens, eq(refreshTokens.sessionId, sessionId))).toBe(0);
    }
    expect(await server.db.$count(passwordResetTokens, eq(passwordResetTokens.userId, user.id))).toBe(0);
  });

  it("the old profile is gone, the old credentials do not log in, and the e-mail and username are free again", async () => {
    const { client, details, user } = await signedUpClient(server);
    await client.trpc.users.deleteAccount.mutate({ password: details.password });

    const profile = await rejectionOf(server.client().trpc.users.get.query({ username: details.username }));
    expect(profile.data?.code).toBe("NOT_FOUND");
    expect((await rejectionOf(server.client().trpc.auth.logIn.mutate(details))).data?.code).toBe("UNAUTHORIZED");

    const again = await server.client().trpc.auth.signUp.mutate(details);
    expect(again.user.id).not.toBe(user.id);
    expect(again.user).toMatchObject({ email: details.email, username: details.username });
    await expect(server.client().trpc.users.get.query({ username: details.username })).resolves.toMatchObject({
      id: again.user.id,
    });
  });

  it("deletes the caller's account only", async () => {
    const { client, details } = await signedUpClient(server);
    const { client: other, user: otherUser } = await signedUpClient(server);
    const [before] = await server.db.select().from(users).where(eq(users.id, otherUser.id));
    await client.trpc.users.deleteAccount.mutate({ password: details.password });
    const [after] = await server.db.select().from(users).where(eq(users.id, otherUser.id));
    expect(after).toEqual(before);
    await expect(other.trpc.auth.me.query()).resolves.toMatchObject({ id: otherUser.id });
  });
});
