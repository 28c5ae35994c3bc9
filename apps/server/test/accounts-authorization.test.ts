import { randomUUID } from "node:crypto";
import { eq, sessions, users } from "@booky/db";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { accountProcedures, accountRows, callByPath } from "./accounts-support.js";
import { newMember, rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const PASSWORD = newMember().password;

/** Procedures anyone may call, each with a valid input. */
const publicInput: Record<string, unknown> = {
  "auth.logIn": { email: "nobody@example.com", password: "a wrong password" },
  "auth.logOut": undefined,
  "auth.refresh": undefined,
  "auth.requestPasswordReset": { email: "nobody@example.com" },
  "auth.resetPassword": { token: "A".repeat(43), newPassword: "a sound passphrase" },
  "auth.signUp": newMember(),
  "users.get": { username: "nobody_here" },
};

const publicProcedures = Object.keys(publicInput).sort();

/** Procedures that need a signed-in member, each with a valid input, so a refusal can only be about who calls. */
const protectedInput: Record<string, unknown> = {
  "auth.me": undefined,
  "auth.logOutEverywhere": undefined,
  "auth.changePassword": { currentPassword: PASSWORD, newPassword: "another sound passphrase" },
  "users.updateProfile": { bio: "Changed by someone." },
  "users.deleteAccount": { password: PASSWORD },
};
const protectedProcedures = Object.keys(protectedInput).sort();

/** Callers who are not signed in, in every way a token can fail. */
const strangers: [string, () => Promise<string | null>][] = [
  ["an anonymous caller", async () => null],
  ["a caller with a garbage token", async () => "garbage.token.here"],
  [
    "a caller whose session was logged out",
    async () => {
      const { client } = await signedUpClient(server);
      const token = client.accessToken;
      await client.trpc.auth.logOut.mutate();
      return token;
    },
  ],
  [
    "a caller whose account was deleted",
    async () => {
      const { client } = await signedUpClient(server);
      const token = client.accessToken;
      await client.trpc.users.deleteAccount.mutate({ password: PASSWORD });
      return token;
    },
  ],
  [
    "a caller with a forged admin token for a real member",
    async () => {
      const { user } = await signedUpClient(server);
      return new SignJWT({ sid: randomUUID(), role: "admin" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(user.id)
        .setIssuer(server.config.JWT_ISSUER)
        .setAudience(server.config.JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode("a-guessed-secret-that-is-long-enough-to-sign"));
    },
  ],
];

describe("who may call accounts procedures", () => {
  it("every accounts procedure is classed as public or protected here", () => {
    expect([...publicProcedures, ...protectedProcedures].sort()).toEqual(accountProcedures);
  });

  for (const [who, tokenFor] of strangers) {
    it(`${who} gets UNAUTHORIZED from every protected procedure, changing nothing`, async () => {
      const caller = server.client();
      caller.accessToken = await tokenFor();
      const before = await accountRows(server);
      for (const path of protectedProcedures) {
        const error = await rejectionOf(callByPath(caller, path, protectedInput[path]));
        expect(error.data?.code, path).toBe("UNAUTHORIZED");
        expect(error.data?.httpStatus, path).toBe(401);
      }
      expect(await accountRows(server)).toEqual(before);
    });
  }

  it("public procedures serve anonymous callers without asking them to sign in", async () => {
    for (const path of publicProcedures) {
      const outcome = await callByPath(server.client(), path, publicInput[path]).catch((error: Error) => error);
      expect(outcome instanceof Error ? outcome.message : "ok", path).not.toBe("Sign in to continue");
    }
  });

  it("an anonymous caller learns nothing about input rules: UNAUTHORIZED comes before validation", async () => {
    const error = await rejectionOf(server.client().trpc.users.updateProfile.mutate({}));
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.zodError).toBeNull();
  });
});

const bystander = await signedUpClient(server);

describe("a protected procedure acts on the caller only", () => {
  const bystanderState = async () => ({
    user: (await server.db.select().from(users).where(eq(users.id, bystander.user.id)))[0],
    sessions: await server.db.select().from(sessions).where(eq(sessions.userId, bystander.user.id)),
  });

  for (const role of ["user", "admin"] as const) {
    for (const path of protectedProcedures) {
      it(`${path} called by a site ${role} leaves another member's account and sessions as they were`, async () => {
        const { client, user } = await signedUpClient(server);
        if (role === "admin") await server.db.update(users).set({ role }).where(eq(users.id, user.id));
        const before = await bystanderState();
        await callByPath(client, path, protectedInput[path]);
        expect(await bystanderState()).toEqual(before);
        await expect(bystander.client.trpc.auth.me.query()).resolves.toMatchObject({ id: bystander.user.id });
      });
    }
  }
});
