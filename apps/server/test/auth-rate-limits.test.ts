import { eq, passwordResetTokens } from "@booky/db";
import { describe, expect, it } from "vitest";
import { defaultRateLimits, type RateLimitRules } from "../src/services/rate-limits.js";
import { accountCounts, rawCall, rawErrorOf } from "./accounts-support.js";
import { newMember, rejectionOf, startTestServer } from "./harness.js";

const tight: RateLimitRules = {
  ...defaultRateLimits,
  logInPerIp: { points: 5, duration: 60 },
  logInPerAccount: { points: 3, duration: 60 },
  signUpPerIp: { points: 2, duration: 60 },
  resetPerIp: { points: 4, duration: 60 },
  resetPerAccount: { points: 2, duration: 60 },
};
// Behind a trusted proxy the client's address comes from X-Forwarded-For, so each test acts from its own IPs.
// The reset mail is a queued job.
const server = await startTestServer({ jobs: true, rateLimits: tight, env: { TRUST_PROXY: "true" } });

let lastIp = 0;
/** A caller address no other test uses. */
const freshIp = () => `198.51.100.${++lastIp}`;
const from = (ip: string) => server.client({ headers: { "x-forwarded-for": ip } });

/** A new member, signed up from an address of its own so sign-up limits stay out of the way. */
async function member() {
  const details = newMember();
  const { user } = await from(freshIp()).trpc.auth.signUp.mutate(details);
  return { details, user };
}

const WRONG = "definitely the wrong password";
const logIn = (ip: string, email: string, password = WRONG) => from(ip).trpc.auth.logIn.mutate({ email, password });
const requestReset = (ip: string, email: string) => from(ip).trpc.auth.requestPasswordReset.mutate({ email });

/** A refused call's error carries the wait, and so does the raw response's Retry-After header. */
async function expectLimited(call: Promise<unknown>, raw: () => Promise<Response>) {
  const error = await rejectionOf(call);
  expect(error.data?.code).toBe("TOO_MANY_REQUESTS");
  expect(error.data?.httpStatus).toBe(429);
  expect(error.data?.retryAfter).toBeGreaterThan(0);
  expect(error.data?.retryAfter).toBeLessThanOrEqual(60);
  expect(error.message).toMatch(/^Too many attempts; try again in \d+ seconds$/);

  const response = await raw();
  expect(response.status).toBe(429);
  const header = Number(response.headers.get("retry-after"));
  expect(header).toBeGreaterThan(0);
  expect(header).toBeLessThanOrEqual(60);
  expect((await rawErrorOf(response)).data.retryAfter).toBe(header);
}

describe("log-in limits", () => {
  it("per account: failed attempts from many IPs are throttled, even the right password, opening nothing", async () => {
    const { details } = await member();
    for (let attempt = 0; attempt < tight.logInPerAccount.points; attempt++) {
      expect((await rejectionOf(logIn(freshIp(), details.email))).data?.code).toBe("UNAUTHORIZED");
    }
    const before = await accountCounts(server);
    await expectLimited(logIn(freshIp(), details.email, details.password), () =>
      rawCall(server, "auth.logIn", {
        input: { email: details.email.toUpperCase(), password: details.password },
        headers: { "x-forwarded-for": freshIp() },
      }),
    );
    expect(await accountCounts(server)).toEqual(before);
  });

  it("per IP: one address trying many accounts is throttled", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < tight.logInPerIp.points; attempt++) {
      expect((await rejectionOf(logIn(ip, `guess${attempt}@example.com`))).data?.code).toBe("UNAUTHORIZED");
    }
    await expectLimited(logIn(ip, "one-more@example.com"), () =>
      rawCall(server, "auth.logIn", {
        input: { email: "and-another@example.com", password: WRONG },
        headers: { "x-forwarded-for": ip },
      }),
    );
    // Another address is not affected.
    expect((await rejectionOf(logIn(freshIp(), "one-more@example.com"))).data?.code).toBe("UNAUTHORIZED");
  });

  it("a successful log-in clears the account's count of failures", async () => {
    const { details } = await member();
    for (let attempt = 0; attempt < tight.logInPerAccount.points - 1; attempt++) {
      await rejectionOf(logIn(freshIp(), details.email));
    }
    await expect(logIn(freshIp(), details.email, details.password)).resolves.toBeDefined();
    for (let attempt = 0; attempt < tight.logInPerAccount.points - 1; attempt++) {
      expect((await rejectionOf(logIn(freshIp(), details.email))).data?.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("sign-up limits", () => {
  it("per IP: more sign-ups than allowed are refused and create nothing; other addresses carry on", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < tight.signUpPerIp.points; attempt++) {
      await from(ip).trpc.auth.signUp.mutate(newMember());
    }
    const before = await accountCounts(server);
    await expectLimited(from(ip).trpc.auth.signUp.mutate(newMember()), () =>
      rawCall(server, "auth.signUp", { input: newMember(), headers: { "x-forwarded-for": ip } }),
    );
    expect(await accountCounts(server)).toEqual(before);
    await expect(from(freshIp()).trpc.auth.signUp.mutate(newMember())).resolves.toBeDefined();
  });
});

describe("password-reset limits", () => {
  it("per account: requests for one e-mail from many IPs are throttled, and a throttled one sends nothing", async () => {
    const { details, user } = await member();
    for (let attempt = 0; attempt < tight.resetPerAccount.points; attempt++) {
      await expect(requestReset(freshIp(), details.email)).resolves.toEqual({ ok: true });
    }
    await expectLimited(requestReset(freshIp(), details.email.toUpperCase()), () =>
      rawCall(server, "auth.requestPasswordReset", {
        input: { email: details.email },
        headers: { "x-forwarded-for": freshIp() },
      }),
    );
    // A later, allowed request for someone else completes after any work the refused ones could have queued.
    const { details: other, user: otherUser } = await member();
    await requestReset(freshIp(), other.email);
    await expect
      .poll(() => server.db.$count(passwordResetTokens, eq(passwordResetTokens.userId, otherUser.id)), {
        timeout: 5_000,
      })
      .toBe(1);
    expect(await server.db.$count(passwordResetTokens, eq(passwordResetTokens.userId, user.id))).toBe(
      tight.resetPerAccount.points,
    );
  });

  it("per IP: one address asking for many e-mails is throttled", async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < tight.resetPerIp.points; attempt++) {
      await expect(requestReset(ip, `someone${attempt}@example.com`)).resolves.toEqual({ ok: true });
    }
    await expectLimited(requestReset(ip, "one-more@example.com"), () =>
      rawCall(server, "auth.requestPasswordReset", {
        input: { email: "and-another@example.com" },
        headers: { "x-forwarded-for": ip },
      }),
    );
    await expect(requestReset(freshIp(), "one-more@example.com")).resolves.toEqual({ ok: true });
  });
});
