import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changePasswordInput,
  deleteAccountInput,
  logInInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  updateProfileInput,
  usernameInput,
} from "./schemas.js";

/** The fields a refused input is refused on. */
function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return [...new Set(result.error?.issues.map((issue) => String(issue.path[0])))].sort();
}

describe("sign-up input", () => {
  it("folds the e-mail and username and trims the display name", () => {
    expect(
      signUpInput.parse({
        email: " Jo@Example.com ",
        username: "Jo_March",
        displayName: " Jo ",
        password: "a long passphrase",
      }),
    ).toEqual({ email: "jo@example.com", username: "jo_march", displayName: "Jo", password: "a long passphrase" });
  });

  it("names every invalid field at once", () => {
    const result = signUpInput.safeParse({ email: "nope", username: "x", displayName: "", password: "short" });
    expect(fieldsOf(result)).toEqual(["displayName", "email", "password", "username"]);
  });

  it("drops fields it does not know, such as a role", () => {
    const parsed = signUpInput.parse({
      email: "jo@example.com",
      username: "jo_march",
      displayName: "Jo",
      password: "a long passphrase",
      role: "admin",
    });
    expect(parsed).not.toHaveProperty("role");
  });
});

describe("log-in, password change, reset and deletion inputs", () => {
  it("a log-in needs an e-mail and any non-empty password up to 1024 characters", () => {
    expect(logInInput.parse({ email: "JO@example.com", password: "x" })).toEqual({
      email: "jo@example.com",
      password: "x",
    });
    expect(fieldsOf(logInInput.safeParse({ email: "jo", password: "" }))).toEqual(["email", "password"]);
    expect(fieldsOf(logInInput.safeParse({ email: "jo@example.com", password: "x".repeat(1025) }))).toEqual([
      "password",
    ]);
  });

  it("a password change needs the current password and a new one within the limits", () => {
    expect(changePasswordInput.safeParse({ currentPassword: "old", newPassword: "a new passphrase" }).success).toBe(
      true,
    );
    expect(fieldsOf(changePasswordInput.safeParse({ currentPassword: "", newPassword: "short" }))).toEqual([
      "currentPassword",
      "newPassword",
    ]);
  });

  it("a reset request needs an e-mail; a reset needs a plausible token and a new password", () => {
    expect(requestPasswordResetInput.parse({ email: " Jo@Example.com" })).toEqual({ email: "jo@example.com" });
    expect(fieldsOf(requestPasswordResetInput.safeParse({ email: "jo" }))).toEqual(["email"]);
    expect(resetPasswordInput.safeParse({ token: "t".repeat(43), newPassword: "a new passphrase" }).success).toBe(true);
    expect(fieldsOf(resetPasswordInput.safeParse({ token: "t".repeat(15), newPassword: "a new passphrase" }))).toEqual([
      "token",
    ]);
    expect(fieldsOf(resetPasswordInput.safeParse({ token: "t".repeat(257), newPassword: "short" }))).toEqual([
      "newPassword",
      "token",
    ]);
  });

  it("deleting an account needs the password", () => {
    expect(deleteAccountInput.safeParse({ password: "anything" }).success).toBe(true);
    expect(fieldsOf(deleteAccountInput.safeParse({ password: "" }))).toEqual(["password"]);
  });

  it("a profile lookup folds the username", () => {
    expect(usernameInput.parse({ username: " Jo_March " })).toEqual({ username: "jo_march" });
  });
});

describe("profile update input", () => {
  const field = {
    displayName: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,58}[A-Za-z]$/),
    bio: fc.stringMatching(/^[A-Za-z .,]{0,500}$/).map((bio) => bio.trim()),
    avatarUrl: fc.oneof(fc.constant(null), fc.webUrl({ validSchemes: ["http", "https"] })),
  };

  it("any non-empty choice of valid fields is accepted, and only those fields come out", () => {
    fc.assert(
      fc.property(fc.record(field, { requiredKeys: [] }), (update) => {
        fc.pre(Object.keys(update).length > 0);
        const parsed = updateProfileInput.parse(update);
        return JSON.stringify(Object.keys(parsed).sort()) === JSON.stringify(Object.keys(update).sort());
      }),
    );
  });

  it("an update that changes nothing is refused as a whole", () => {
    const result = updateProfileInput.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [], message: "Change at least one field" })]);
  });

  it("fields it does not know, such as a role or an e-mail, are dropped", () => {
    expect(updateProfileInput.parse({ bio: "Hi", role: "admin", email: "x@example.com" })).toEqual({ bio: "Hi" });
  });

  it("names each invalid field", () => {
    const result = updateProfileInput.safeParse({ displayName: "", bio: "x".repeat(501), avatarUrl: "ftp://x.org" });
    expect(fieldsOf(result)).toEqual(["avatarUrl", "bio", "displayName"]);
  });
});
