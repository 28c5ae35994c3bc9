import { eq, passwordResetTokens, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();

describe("users.get", () => {
  it("shows anyone a member's public profile, found case-insensitively, without the e-mail", async () => {
    const { user } = await signedUpClient(server);
    const profile = await server.client().trpc.users.get.query({ username: user.username.toUpperCase() });
    expect(profile).toMatchObject({ id: user.id, username: user.username, displayName: user.displayName });
    expect(profile).not.toHaveProperty("email");
    expect(profile.createdAt).toBeInstanceOf(Date);
  });

  it("answers NOT_FOUND for an unknown member and BAD_REQUEST for an impossible username", async () => {
    expect((await rejectionOf(server.client().trpc.users.get.query({ username: "nobody_here" }))).data?.code).toBe(
      "NOT_FOUND",
    );
    const bad = await rejectionOf(server.client().trpc.users.get.query({ username: "x" }));
    expect(bad.data?.zodError?.fieldErrors).toHaveProperty("username");
  });
});

describe("users.updateProfile", () => {
  it("changes only the given fields of the caller's own profile", async () => {
    const { client, user } = await signedUpClient(server);
    const { user: other } = await signedUpClient(server);
    const updated = await client.trpc.users.updateProfile.mutate({ bio: "Reads on the night bus." });
    expect(updated).toMatchObject({ bio: "Reads on the night bus.", displayName: user.displayName });
    const withAvatar = await client.trpc.users.updateProfile.mutate({
      displayName: "  Night Reader ",
      avatarUrl: "https://example.com/me.png",
    });
    expect(withAvatar).toMatchObject({ displayName: "Night Reader", avatarUrl: "https://example.com/me.png" });
    expect((await client.trpc.users.updateProfile.mutate({ avatarUrl: null })).avatarUrl).toBeNull();
    const untouched = await server.client().trpc.users.get.query({ username: other.username });
    expect(untouched.bio).toBe("");
  });

  it("refuses bad fields by name and changes nothing", async () => {
    const { client, user } = await signedUpClient(server);
    const [before] = await server.db.select().from(users).where(eq(users.id, user.id));
    for (const input of [
      { avatarUrl: "javascript:alert(1)" },
      { displayName: "" },
      { bio: "x".repeat(501) },
    ] as const) {
      const error = await rejectionOf(client.trpc.users.updateProfile.mutate(input));
      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(Object.keys(input));
    }
    const empty = await rejectionOf(client.trpc.users.updateProfile.mutate({}));
    expect(empty.data?.code).toBe("BAD_REQUEST");
    const [after] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toEqual(before);
  });

  it("needs a signed-in caller", async () => {
    const error = await rejectionOf(server.client().trpc.users.updateProfile.mutate({ bio: "anonymous" }));
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});

describe("users.deleteAccount", () => {
  it("refuses a wrong password on its field and deletes nothing", async () => {
    const { client, user } = await signedUpClient(server);
    const error = await rejectionOf(client.trpc.users.deleteAccount.mutate({ password: "not my password" }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("password");
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.deletedAt).toBeNull();
  });

  it("anonymises the member, ends every session, and frees the e-mail and username", async () => {
    const { client, details, user } = await signedUpClient(server);
    await client.trpc.auth.requestPasswordReset.mutate({ email: details.email });
    await client.trpc.users.deleteAccount.mutate({ password: details.password });

    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ displayName: "Deleted member", bio: "", avatarUrl: null, passwordHash: null });
    expect(row?.email).not.toContain(details.email);
    expect(row?.username).not.toBe(details.username);
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(await server.db.$count(sessions, eq(sessions.userId, user.id))).toBe(0);

    expect((await rejectionOf(client.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(server.client().trpc.auth.logIn.mutate(details))).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(server.client().trpc.users.get.query({ username: details.username }))).data?.code).toBe(
      "NOT_FOUND",
    );
    const again = await server.client().trpc.auth.signUp.mutate(details);
    expect(again.user.id).not.toBe(user.id);
    expect(await server.db.$count(passwordResetTokens, eq(passwordResetTokens.userId, again.user.id))).toBe(0);
  });

  it("needs a signed-in caller", async () => {
    const error = await rejectionOf(server.client().trpc.users.deleteAccount.mutate({ password: "whatever" }));
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});
