import { eq, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const { details, user } = await signedUpClient(server);

describe("auth.logIn", () => {
  it("opens a new session with the right password, whatever the e-mail's case", async () => {
    const client = server.client();
    const grant = await client.trpc.auth.logIn.mutate({
      email: details.email.toUpperCase(),
      password: details.password,
    });
    expect(grant.user.id).toBe(user.id);
    expect(client.cookies.get("booky_refresh")).toBeDefined();
  });

  it("answers a wrong password and an unknown e-mail with the same UNAUTHORIZED message", async () => {
    const wrong = await rejectionOf(
      server.client().trpc.auth.logIn.mutate({ email: details.email, password: "not the password at all" }),
    );
    const unknown = await rejectionOf(
      server.client().trpc.auth.logIn.mutate({ email: "nobody@example.com", password: "not the password at all" }),
    );
    expect(wrong.data?.code).toBe("UNAUTHORIZED");
    expect(unknown.data?.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
  });

  it("names the field of bad input and opens no session", async () => {
    const before = await server.db.$count(sessions);
    const error = await rejectionOf(server.client().trpc.auth.logIn.mutate({ email: "not-an-email", password: "" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(expect.arrayContaining(["email", "password"]));
    expect(await server.db.$count(sessions)).toBe(before);
  });
});

describe("auth.logOut and auth.logOutEverywhere", () => {
  it("log-out ends this device's session only", async () => {
    const { client: laptop, details: member } = await signedUpClient(server);
    const phone = server.client();
    phone.accessToken = (await phone.trpc.auth.logIn.mutate(member)).accessToken;

    await laptop.trpc.auth.logOut.mutate();
    expect(laptop.cookies.has("booky_refresh")).toBe(false);
    expect((await rejectionOf(laptop.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    await expect(phone.trpc.auth.me.query()).resolves.toMatchObject({ email: member.email });
    await expect(phone.trpc.auth.refresh.mutate()).resolves.toBeDefined();
  });

  it("log-out everywhere ends every session of the member, and only theirs", async () => {
    const { client: laptop, details: member, user: owner } = await signedUpClient(server);
    const phone = server.client();
    phone.accessToken = (await phone.trpc.auth.logIn.mutate(member)).accessToken;
    const { client: stranger } = await signedUpClient(server);

    const { revokedSessions } = await laptop.trpc.auth.logOutEverywhere.mutate();
    expect(revokedSessions).toBe(2);
    expect((await rejectionOf(phone.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(phone.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");
    await expect(stranger.trpc.auth.me.query()).resolves.toBeDefined();
    const live = await server.db.select().from(sessions).where(eq(sessions.userId, owner.id));
    expect(live.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it("log-out everywhere needs a signed-in caller", async () => {
    const error = await rejectionOf(server.client().trpc.auth.logOutEverywhere.mutate());
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});

describe("auth.changePassword", () => {
  it("refuses a wrong current password on its field and changes nothing", async () => {
    const { client, user: member } = await signedUpClient(server);
    const [before] = await server.db.select().from(users).where(eq(users.id, member.id));
    const error = await rejectionOf(
      client.trpc.auth.changePassword.mutate({
        currentPassword: "wrong password",
        newPassword: "a brand new passphrase",
      }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("currentPassword");
    const [after] = await server.db.select().from(users).where(eq(users.id, member.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });

  it("refuses a breached or too short new password on its field", async () => {
    const { client, details: member } = await signedUpClient(server);
    for (const newPassword of ["iloveyou1", "short"]) {
      const error = await rejectionOf(
        client.trpc.auth.changePassword.mutate({ currentPassword: member.password, newPassword }),
      );
      expect(error.data?.zodError?.fieldErrors).toHaveProperty("newPassword");
    }
  });

  it("changes the password, keeps this device signed in and signs out the others", async () => {
    const { client, details: member } = await signedUpClient(server);
    const other = server.client();
    other.accessToken = (await other.trpc.auth.logIn.mutate(member)).accessToken;

    const result = await client.trpc.auth.changePassword.mutate({
      currentPassword: member.password,
      newPassword: "a brand new passphrase",
    });
    expect(result.revokedSessions).toBe(1);
    await expect(client.trpc.auth.me.query()).resolves.toBeDefined();
    expect((await rejectionOf(other.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    const old = await rejectionOf(server.client().trpc.auth.logIn.mutate(member));
    expect(old.data?.code).toBe("UNAUTHORIZED");
    await expect(
      server.client().trpc.auth.logIn.mutate({ email: member.email, password: "a brand new passphrase" }),
    ).resolves.toBeDefined();
  });

  it("needs a signed-in caller", async () => {
    const error = await rejectionOf(
      server.client().trpc.auth.changePassword.mutate({ currentPassword: "whatever1", newPassword: "whatever else 2" }),
    );
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });
});
