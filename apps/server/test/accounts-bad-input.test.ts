import { describe, expect, it, vi } from "vitest";
import { accountProcedures, accountRows, callByPath, takesInput } from "./accounts-support.js";
import { rejectionOf, signedUpClient, startTestServer, type TestClient } from "./harness.js";

// The reset mail (and its token) is a queued job.
const server = await startTestServer({ jobs: true });
const { client: member, details } = await signedUpClient(server);
// A reset token for the member exists, so a bad resetPassword call has something it could wrongly spend.
await server.client().trpc.auth.requestPasswordReset.mutate({ email: details.email });
await vi.waitFor(
  async () => {
    if ((await accountRows(server)).resetTokens.length !== 1) throw new Error("no reset token yet");
  },
  { timeout: 5_000, interval: 20 },
);

interface BadInput {
  case: string;
  input: unknown;
  /** The fields the error must name, exactly. */
  fields: string[];
}

/** For every accounts procedure that takes input: bad inputs and the fields they must be refused on. */
const badInputs: Record<string, BadInput[]> = {
  "auth.signUp": [
    {
      case: "every field invalid",
      input: { email: "nope", username: "_x", displayName: " ", password: "short" },
      fields: ["displayName", "email", "password", "username"],
    },
    { case: "every field missing", input: {}, fields: ["displayName", "email", "password", "username"] },
    {
      case: "fields of the wrong type",
      input: { email: 42, username: ["a"], displayName: null, password: true },
      fields: ["displayName", "email", "password", "username"],
    },
    {
      case: "an overlong display name",
      input: {
        email: "long@example.com",
        username: "long_name",
        displayName: "x".repeat(61),
        password: "a passphrase",
      },
      fields: ["displayName"],
    },
  ],
  "auth.logIn": [
    {
      case: "an invalid e-mail and an empty password",
      input: { email: "not-an-email", password: "" },
      fields: ["email", "password"],
    },
    { case: "a missing password", input: { email: details.email }, fields: ["password"] },
    {
      case: "an absurdly long password",
      input: { email: details.email, password: "x".repeat(1025) },
      fields: ["password"],
    },
  ],
  "auth.changePassword": [
    {
      case: "both passwords too short",
      input: { currentPassword: "", newPassword: "short" },
      fields: ["currentPassword", "newPassword"],
    },
    {
      case: "a new password over 128 characters",
      input: { currentPassword: details.password, newPassword: "x".repeat(129) },
      fields: ["newPassword"],
    },
  ],
  "auth.requestPasswordReset": [
    { case: "an invalid e-mail", input: { email: "nope" }, fields: ["email"] },
    { case: "a missing e-mail", input: {}, fields: ["email"] },
  ],
  "auth.resetPassword": [
    { case: "a short token and password", input: { token: "x", newPassword: "1" }, fields: ["newPassword", "token"] },
    {
      case: "an overlong token",
      input: { token: "x".repeat(257), newPassword: "a sound passphrase" },
      fields: ["token"],
    },
  ],
  "users.get": [
    { case: "a username too short", input: { username: "x" }, fields: ["username"] },
    {
      case: "a username with forbidden characters",
      input: { username: "robert'); drop table users;--" },
      fields: ["username"],
    },
  ],
  "users.updateProfile": [
    {
      case: "every field invalid",
      input: { displayName: "", bio: "x".repeat(501), avatarUrl: "javascript:alert(1)" },
      fields: ["avatarUrl", "bio", "displayName"],
    },
    { case: "a display name of the wrong type", input: { displayName: 7 }, fields: ["displayName"] },
  ],
  "users.deleteAccount": [
    { case: "an empty password", input: { password: "" }, fields: ["password"] },
    { case: "a missing password", input: {}, fields: ["password"] },
  ],
};

describe("bad input to accounts procedures", () => {
  it("every accounts procedure that takes input has bad-input cases here", () => {
    expect(Object.keys(badInputs).sort()).toEqual(accountProcedures.filter(takesInput));
  });

  for (const [path, cases] of Object.entries(badInputs)) {
    for (const bad of cases) {
      it(`${path} refuses ${bad.case} with BAD_REQUEST naming ${bad.fields.join(", ")}, changing nothing`, async () => {
        const caller: TestClient =
          path === "auth.changePassword" || path.startsWith("users.") ? member : server.client();
        const before = await accountRows(server);
        const error = await rejectionOf(callByPath(caller, path, bad.input));
        expect(error.data?.code).toBe("BAD_REQUEST");
        expect(error.data?.httpStatus).toBe(400);
        expect(Object.keys(error.data?.zodError?.fieldErrors ?? {}).sort()).toEqual(bad.fields);
        // The message names the first problem in words, not as zod's JSON dump.
        expect(error.message).toMatch(new RegExp(`^(${bad.fields.join("|")}): \\S`));
        expect(await accountRows(server)).toEqual(before);
      });
    }
  }

  it("input that is not an object at all is refused with BAD_REQUEST", async () => {
    for (const input of [null, "text", 42, []]) {
      const error = await rejectionOf(callByPath(server.client(), "auth.logIn", input));
      expect(error.data?.code, JSON.stringify(input)).toBe("BAD_REQUEST");
    }
  });
});
