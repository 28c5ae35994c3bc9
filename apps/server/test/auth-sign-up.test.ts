import { eq, sessions, users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { accountRows } from "./accounts-support.js";
import { newMember, rejectionOf, startTestServer } from "./harness.js";

const server = await startTestServer();

const signUp = (details: ReturnType<typeof newMember>) => server.client().trpc.auth.signUp.mutate(details);

describe("auth.signUp", () => {
  it("creates an account, returns an access token and sets a refresh cookie", async () => {
    const client = server.client();
    const details = newMember();
    const session = await client.trpc.auth.signUp.mutate(details);
    expect(session.user).toMatchObject({
      email: details.email,
      username: details.username,
      displayName: details.displayName,
      bio: "",
      avatarUrl: null,
      role: "user",
    });
    expect(session.accessToken.split(".")).toHaveLength(3);
    expect(session.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(client.cookies.get("booky_refresh")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    client.accessToken = session.accessToken;
    expect((await client.trpc.auth.me.query()).id).toBe(session.user.id);
  });

  it("stores the e-mail and username folded to lower case, and only an argon2id hash of the password", async () => {
    const details = newMember();
    const session = await signUp({
      ...details,
      email: `  ${details.email.toUpperCase()} `,
      username: details.username.toUpperCase(),
    });
    expect(session.user).toMatchObject({ email: details.email, username: details.username });
    const [row] = await server.db.select().from(users).where(eq(users.id, session.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(details.password);
    expect(row?.passwordChangedAt).toBeInstanceOf(Date);
    expect(await server.db.$count(sessions, eq(sessions.userId, session.user.id))).toBe(1);
  });

  it("ignores a role smuggled into the input: every new account is a plain user", async () => {
    const session = await signUp({ ...newMember(), role: "admin" } as ReturnType<typeof newMember>);
    expect(session.user.role).toBe("user");
    const [row] = await server.db.select().from(users).where(eq(users.id, session.user.id));
    expect(row?.role).toBe("user");
  });
});

/**
 * Signs a member up, then another with the same e-mail or username in upper
 * case: refused with CONFLICT naming that field, and nothing stored. The error.
 */
async function conflictOnTakenInAnotherCase(field: "email" | "username") {
  const first = newMember();
  await signUp(first);
  const before = await accountRows(server);
  const error = await rejectionOf(signUp(newMember({ [field]: first[field].toUpperCase() })));
  expect(error.data?.code).toBe("CONFLICT");
  expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual([field]);
  expect(await accountRows(server)).toEqual(before);
  return error;
}

describe("auth.signUp refusals", () => {
  it("refuses an e-mail already taken in another case with CONFLICT naming the e-mail, and stores nothing", async () => {
    const error = await conflictOnTakenInAnotherCase("email");
    expect(error.message).toBe("An account with this e-mail already exists");
  });

  it("refuses a username already taken in another case with CONFLICT naming the username, and stores nothing", async () => {
    await conflictOnTakenInAnotherCase("username");
  });

  it("refuses a breached password, whatever its case, on the password field and stores nothing", async () => {
    const before = await accountRows(server);
    for (const password of ["password123", "PASSWORD123", "iloveyou1", "qwertyuiop"]) {
      const error = await rejectionOf(signUp(newMember({ password })));
      expect(error.data?.code, password).toBe("BAD_REQUEST");
      expect(error.data?.zodError?.fieldErrors, password).toEqual({
        password: ["This password appears in lists of breached passwords; choose another"],
      });
    }
    expect(await accountRows(server)).toEqual(before);
  });

  it("accepts passwords of 8 and of 128 characters", async () => {
    await expect(signUp(newMember({ password: "zq8#Lw!p" }))).resolves.toBeDefined();
    await expect(signUp(newMember({ password: "long passphrase ".repeat(8) }))).resolves.toBeDefined();
  });

  it("refuses passwords of 7 and of 129 characters on the password field", async () => {
    const before = await accountRows(server);
    for (const password of ["zq8#Lw!", `${"long passphrase ".repeat(8)}x`]) {
      const error = await rejectionOf(signUp(newMember({ password })));
      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toEqual(["password"]);
    }
    expect(await accountRows(server)).toEqual(before);
  });

  it("of two sign-ups racing for one e-mail, one creates the account and the other gets CONFLICT", async () => {
    const email = newMember().email;
    const results = await Promise.allSettled([signUp(newMember({ email })), signUp(newMember({ email }))]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason.data?.code).toBe("CONFLICT");
    expect(await server.db.$count(users, eq(users.email, email))).toBe(1);
  });
});
