import { eq, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { accountRows } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const anonymous = server.client();

describe("users.get", () => {
  it("shows anyone a member's public profile, without the e-mail, role or any secret", async () => {
    const { user } = await signedUpClient(server);
    const profile = await anonymous.trpc.users.get.query({ username: user.username });
    expect(profile).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      bio: "",
      avatarUrl: null,
      createdAt: expect.any(Date),
    });
  });

  it("finds the member whatever the case of the username", async () => {
    const { user } = await signedUpClient(server);
    const profile = await anonymous.trpc.users.get.query({ username: ` ${user.username.toUpperCase()} ` });
    expect(profile.id).toBe(user.id);
  });

  it("answers NOT_FOUND for a username nobody has", async () => {
    const error = await rejectionOf(anonymous.trpc.users.get.query({ username: "nobody_here" }));
    expect(error.data?.code).toBe("NOT_FOUND");
    expect(error.data?.httpStatus).toBe(404);
    expect(error.message).toBe("No member is called @nobody_here");
  });
});

describe("users.updateProfile", () => {
  it("changes only the fields given, and returns the caller's whole profile", async () => {
    const { client, user } = await signedUpClient(server);
    const withBio = await client.trpc.users.updateProfile.mutate({ bio: "Reads on the night bus." });
    expect(withBio).toMatchObject({
      id: user.id,
      email: user.email,
      bio: "Reads on the night bus.",
      displayName: user.displayName,
      avatarUrl: null,
    });

    const renamed = await client.trpc.users.updateProfile.mutate({
      displayName: "  Night Reader ",
      avatarUrl: "https://example.com/me.png",
    });
    expect(renamed).toMatchObject({
      displayName: "Night Reader",
      avatarUrl: "https://example.com/me.png",
      bio: "Reads on the night bus.",
    });
    await expect(anonymous.trpc.users.get.query({ username: user.username })).resolves.toMatchObject({
      displayName: "Night Reader",
      avatarUrl: "https://example.com/me.png",
      bio: "Reads on the night bus.",
    });
  });

  it("removes the avatar when given null, and accepts plain http avatars", async () => {
    const { client } = await signedUpClient(server);
    expect((await client.trpc.users.updateProfile.mutate({ avatarUrl: "http://example.com/a.png" })).avatarUrl).toBe(
      "http://example.com/a.png",
    );
    expect((await client.trpc.users.updateProfile.mutate({ avatarUrl: null })).avatarUrl).toBeNull();
  });

  it("refuses avatars that are not http(s) URLs, on the avatarUrl field, changing nothing", async () => {
    const { client } = await signedUpClient(server);
    const before = await accountRows(server);
    for (const avatarUrl of [
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "ftp://example.com/a.png",
      "me.png",
    ]) {
      const error = await rejectionOf(client.trpc.users.updateProfile.mutate({ avatarUrl }));
      expect(error.data?.code, avatarUrl).toBe("BAD_REQUEST");
      expect(Object.keys(error.data?.zodError?.fieldErrors ?? {}), avatarUrl).toEqual(["avatarUrl"]);
    }
    expect(await accountRows(server)).toEqual(before);
  });

  it("refuses an empty update with BAD_REQUEST, changing nothing", async () => {
    const { client } = await signedUpClient(server);
    const before = await accountRows(server);
    const error = await rejectionOf(client.trpc.users.updateProfile.mutate({}));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Change at least one field");
    expect(error.data?.zodError?.formErrors).toEqual(["Change at least one field"]);
    expect(await accountRows(server)).toEqual(before);
  });

  it("ignores fields that are not part of the profile: the role, e-mail and username stay as they were", async () => {
    const { client, user } = await signedUpClient(server);
    const smuggled = { bio: "Just a reader.", role: "admin", email: "boss@example.com", username: "the_boss" };
    const updated = await client.trpc.users.updateProfile.mutate(smuggled as { bio: string });
    expect(updated).toMatchObject({ bio: "Just a reader.", role: "user", email: user.email, username: user.username });
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ role: "user", email: user.email, username: user.username });
  });

  it("changes the caller's profile only, never another member's", async () => {
    const { client } = await signedUpClient(server);
    const { user: other } = await signedUpClient(server);
    const [before] = await server.db.select().from(users).where(eq(users.id, other.id));
    await client.trpc.users.updateProfile.mutate({ displayName: "Someone Else", bio: "Not the other one." });
    const [after] = await server.db.select().from(users).where(eq(users.id, other.id));
    expect(after).toEqual(before);
  });
});
