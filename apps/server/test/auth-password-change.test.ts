import { eq, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { accountRows } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const NEW_PASSWORD = "a brand new passphrase";

describe("auth.changePassword", () => {
  it("refuses a wrong current password on the currentPassword field and changes nothing", async () => {
    const { client } = await signedUpClient(server);
    const before = await accountRows(server);
    const error = await rejectionOf(
      client.trpc.auth.changePassword.mutate({ currentPassword: "wrong password", newPassword: NEW_PASSWORD }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Current password is incorrect");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["currentPassword"]);
    expect(await accountRows(server)).toEqual(before);
  });

  it("refuses a breached new password on the newPassword field and changes nothing", async () => {
    const { client, details } = await signedUpClient(server);
    const before = await accountRows(server);
    const error = await rejectionOf(
      client.trpc.auth.changePassword.mutate({ currentPassword: details.password, newPassword: "iloveyou1" }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["newPassword"]);
    expect(await accountRows(server)).toEqual(before);
  });

  it("changes the password, keeps this device signed in and signs every other device out", async () => {
    const { client, details, user } = await signedUpClient(server);
    const other = server.client();
    other.accessToken = (await other.trpc.auth.logIn.mutate(details)).accessToken;
    const [before] = await server.db.select().from(users).where(eq(users.id, user.id));

    await expect(
      client.trpc.auth.changePassword.mutate({ currentPassword: details.password, newPassword: NEW_PASSWORD }),
    ).resolves.toEqual({ revokedSessions: 1 });

    await expect(client.trpc.auth.me.query()).resolves.toMatchObject({ id: user.id });
    await expect(client.trpc.auth.refresh.mutate()).resolves.toMatchObject({ user: { id: user.id } });
    expect((await rejectionOf(other.trpc.auth.me.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await rejectionOf(other.trpc.auth.refresh.mutate())).data?.code).toBe("UNAUTHORIZED");

    const [after] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    expect(after?.passwordChangedAt?.getTime()).toBeGreaterThan(before?.passwordChangedAt?.getTime() ?? 0);
    const reasons = (await server.db.select().from(sessions).where(eq(sessions.userId, user.id))).map(
      (row) => row.revokedReason ?? "open",
    );
    expect(reasons.sort()).toEqual(["open", "password_changed"]);
  });

  it("afterwards the new password logs in and the old one does not", async () => {
    const { client, details } = await signedUpClient(server);
    await client.trpc.auth.changePassword.mutate({ currentPassword: details.password, newPassword: NEW_PASSWORD });
    const old = await rejectionOf(server.client().trpc.auth.logIn.mutate(details));
    expect(old.data?.code).toBe("UNAUTHORIZED");
    await expect(
      server.client().trpc.auth.logIn.mutate({ email: details.email, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ user: { email: details.email } });
  });

  it("changes only the caller's password", async () => {
    const { client, details } = await signedUpClient(server);
    const { details: other } = await signedUpClient(server);
    await client.trpc.auth.changePassword.mutate({ currentPassword: details.password, newPassword: NEW_PASSWORD });
    await expect(server.client().trpc.auth.logIn.mutate(other)).resolves.toBeDefined();
  });
});
