import { describe, expect, it } from "vitest";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";
import { newMember, rejectionOf, startTestServer } from "./harness.js";

const tight: RateLimitRules = {
  ...defaultRateLimits,
  logInPerIp: { points: 6, duration: 60 },
  logInPerAccount: { points: 3, duration: 60 },
  signUpPerIp: { points: 2, duration: 60 },
  resetPerIp: { points: 4, duration: 60 },
  resetPerAccount: { points: 2, duration: 60 },
};
const server = await startTestServer({ rateLimits: tight });

const wrongLogIn = (email: string) =>
  server.client().trpc.auth.logIn.mutate({ email, password: "definitely wrong password" });

describe("rate limits", () => {
  it("throttle failed log-ins per account, with a retry delay in the error and the Retry-After header", async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await rejectionOf(wrongLogIn("victim@example.com"))).data?.code).toBe("UNAUTHORIZED");
    }
    const limited = await rejectionOf(wrongLogIn("victim@example.com"));
    expect(limited.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.data?.retryAfter).toBeGreaterThan(0);
    expect(limited.data?.httpStatus).toBe(429);

    const raw = await fetch(`${server.url}/trpc/auth.logIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "victim@example.com", password: "definitely wrong password" } }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("throttle log-ins per IP across accounts", async () => {
    // 4 attempts were spent by the test above from this same IP; 2 more are allowed.
    await rejectionOf(wrongLogIn("someone@example.com"));
    await rejectionOf(wrongLogIn("someone-else@example.com"));
    const limited = await rejectionOf(wrongLogIn("a-third-person@example.com"));
    expect(limited.data?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("throttle sign-ups per IP, and a refused sign-up creates nothing", async () => {
    await server.client().trpc.auth.signUp.mutate(newMember());
    await server.client().trpc.auth.signUp.mutate(newMember());
    const extra = newMember();
    const limited = await rejectionOf(server.client().trpc.auth.signUp.mutate(extra));
    expect(limited.data?.code).toBe("TOO_MANY_REQUESTS");
    const lookup = await rejectionOf(server.client().trpc.users.get.query({ username: extra.username }));
    expect(lookup.data?.code).toBe("NOT_FOUND");
  });

  it("throttle reset requests per account, then per IP", async () => {
    const request = (email: string) => server.client().trpc.auth.requestPasswordReset.mutate({ email });
    await request("reader@example.com");
    await request("reader@example.com");
    expect((await rejectionOf(request("reader@example.com"))).data?.code).toBe("TOO_MANY_REQUESTS");
    await request("other@example.com");
    expect((await rejectionOf(request("third@example.com"))).data?.code).toBe("TOO_MANY_REQUESTS");
  });
});
