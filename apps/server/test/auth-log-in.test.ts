import { desc, eq, sessions } from "@booky/db";
import { describe, expect, it } from "vitest";
import { accountRows } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer } from "./harness.js";

const server = await startTestServer();
const { details, user } = await signedUpClient(server);

const logIn = (email: string, password: string) => server.client().trpc.auth.logIn.mutate({ email, password });

describe("auth.logIn", () => {
  it("opens a new session with a working access token and refresh cookie", async () => {
    const client = server.client({ headers: { "user-agent": "BookyTest/1.0" } });
    const grant = await client.trpc.auth.logIn.mutate({ email: details.email, password: details.password });
    expect(grant.user).toMatchObject({ id: user.id, email: details.email, username: details.username });
    expect(client.cookies.get("booky_refresh")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    client.accessToken = grant.accessToken;
    expect((await client.trpc.auth.me.query()).id).toBe(user.id);
    const [newest] = await server.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user.id))
      .orderBy(desc(sessions.createdAt))
      .limit(1);
    expect(newest).toMatchObject({ userAgent: "BookyTest/1.0", ip: "127.0.0.1", revokedAt: null });
  });

  it("finds the account whatever the case of the e-mail", async () => {
    const grant = await logIn(`  ${details.email.toUpperCase()}  `, details.password);
    expect(grant.user.id).toBe(user.id);
  });

  it("each log-in is its own session", async () => {
    const first = await logIn(details.email, details.password);
    const second = await logIn(details.email, details.password);
    expect(first.accessToken).not.toBe(second.accessToken);
  });

  it("answers a wrong password and an unknown e-mail with the same UNAUTHORIZED message, opening no session", async () => {
    const before = await accountRows(server);
    const wrong = await rejectionOf(logIn(details.email, "not the password at all"));
    const unknown = await rejectionOf(logIn("nobody@example.com", "not the password at all"));
    const wrongCase = await rejectionOf(logIn(details.email, details.password.toUpperCase()));
    for (const error of [wrong, unknown, wrongCase]) {
      expect(error.data?.code).toBe("UNAUTHORIZED");
      expect(error.data?.httpStatus).toBe(401);
      expect(error.message).toBe("E-mail or password is incorrect");
      expect(error.data?.zodError).toBeNull();
    }
    expect(await accountRows(server)).toEqual(before);
  });

  it("a deleted account cannot log in, even with its old password", async () => {
    const { client, details: leaving } = await signedUpClient(server);
    await client.trpc.users.deleteAccount.mutate({ password: leaving.password });
    const error = await rejectionOf(logIn(leaving.email, leaving.password));
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.message).toBe("E-mail or password is incorrect");
  });
});
