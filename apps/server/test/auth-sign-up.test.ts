import { users } from "@booky/db";
import { describe, expect, it } from "vitest";
import { newMember, rejectionOf, startTestServer } from "./harness.js";

const server = await startTestServer();

describe("auth.signUp", () => {
  it("creates an account, returns an access token and sets an HttpOnly refresh cookie", async () => {
    const client = server.client();
    const details = newMember();
    const session = await client.trpc.auth.signUp.mutate(details);
    expect(session.user).toMatchObject({ email: details.email, username: details.username, role: "user" });
    expect(session.accessToken.split(".")).toHaveLength(3);
    expect(client.cookies.get("booky_refresh")).toMatch(/^[A-Za-z0-9_-]{43}$/);

    client.accessToken = session.accessToken;
    const me = await client.trpc.auth.me.query();
    expect(me.id).toBe(session.user.id);
  });

  it("rejects a duplicate e-mail in another case with CONFLICT naming the field", async () => {
    const details = newMember();
    await server.client().trpc.auth.signUp.mutate(details);
    const error = await rejectionOf(
      server.client().trpc.auth.signUp.mutate(newMember({ email: details.email.toUpperCase() })),
    );
    expect(error.data?.code).toBe("CONFLICT");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("email");
  });

  it("rejects a breached password with BAD_REQUEST on the password field and stores nothing", async () => {
    const before = await server.db.$count(users);
    const error = await rejectionOf(server.client().trpc.auth.signUp.mutate(newMember({ password: "password123" })));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("password");
    expect(await server.db.$count(users)).toBe(before);
  });
});

describe("auth.signUp input and races", () => {
  it("names every invalid field and stores nothing", async () => {
    const before = await server.db.$count(users);
    const error = await rejectionOf(
      server.client().trpc.auth.signUp.mutate({ email: "nope", username: "_x", displayName: " ", password: "short" }),
    );
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {}).sort()).toEqual([
      "displayName",
      "email",
      "password",
      "username",
    ]);
    expect(await server.db.$count(users)).toBe(before);
  });

  it("accepts passwords of 8 and 128 characters and refuses 129", async () => {
    await server.client().trpc.auth.signUp.mutate(newMember({ password: "zq8#Lw!p" }));
    await server.client().trpc.auth.signUp.mutate(newMember({ password: "long passphrase ".repeat(8) }));
    const error = await rejectionOf(server.client().trpc.auth.signUp.mutate(newMember({ password: "x".repeat(129) })));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("password");
  });

  it("rejects a taken username in another case with CONFLICT on the username", async () => {
    const first = newMember();
    await server.client().trpc.auth.signUp.mutate(first);
    const error = await rejectionOf(
      server.client().trpc.auth.signUp.mutate(newMember({ username: first.username.toUpperCase() })),
    );
    expect(error.data?.code).toBe("CONFLICT");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("username");
  });

  it("two sign-ups racing for one e-mail create one account and one CONFLICT", async () => {
    const email = newMember().email;
    const results = await Promise.allSettled([
      server.client().trpc.auth.signUp.mutate(newMember({ email })),
      server.client().trpc.auth.signUp.mutate(newMember({ email })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason.data?.code).toBe("CONFLICT");
  });
});
