import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords.js";
import {
  emailSchema,
  normalizeEmail,
  normalizeUsername,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  USERNAME_PATTERN,
  usernameSchema,
} from "./credentials.js";
import { signUpInput, updateProfileInput } from "./schemas.js";

const usernameChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
const alnum = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

describe("e-mail and username folding", () => {
  it("e-mails are trimmed and compared in lower case", () => {
    expect(emailSchema.parse("  Jo.March@Example.COM ")).toBe("jo.march@example.com");
    expect(normalizeEmail("A@B.C")).toBe("a@b.c");
  });

  it("rejects what is not an e-mail address", () => {
    for (const bad of ["", "jo", "jo@", "@example.com", "jo march@example.com"]) {
      expect(emailSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("usernames fold to lower case, and folding twice changes nothing", () => {
    fc.assert(fc.property(fc.string(), (raw) => normalizeUsername(normalizeUsername(raw)) === normalizeUsername(raw)));
  });

  it("any 3–30 character name of letters, digits and inner underscores is accepted, folded", () => {
    const name = fc
      .tuple(alnum, fc.array(usernameChar, { minLength: 1, maxLength: 28 }), alnum)
      .map(([first, middle, last]) => `${first}${middle.join("")}${last}`);
    fc.assert(
      fc.property(name, (raw) => {
        const parsed = usernameSchema.parse(raw);
        return parsed === raw.toLowerCase() && USERNAME_PATTERN.test(parsed);
      }),
    );
  });

  it("refuses usernames that are too short, too long, or start or end with an underscore", () => {
    for (const bad of ["jo", "a".repeat(31), "_jo_march", "jo_", "jo march", "jö"]) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("password rules", () => {
  it(`accepts ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters and nothing outside`, () => {
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
  });

  it("knows tens of thousands of breached passwords, whatever their case", () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(10_000);
    for (const common of ["password", "123456789", "qwertyuiop", "iloveyou", "Password1", "sunshine"]) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    expect(isCommonPassword("the lover of north china")).toBe(false);
  });
});

describe("account inputs", () => {
  it("sign-up names every invalid field at once", () => {
    const result = signUpInput.safeParse({ email: "nope", username: "x", displayName: "", password: "short" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(new Set(fields)).toEqual(new Set(["email", "username", "displayName", "password"]));
  });

  it("a profile update must change something, and an avatar must be an http(s) URL", () => {
    expect(updateProfileInput.safeParse({}).success).toBe(false);
    expect(updateProfileInput.safeParse({ bio: "Reads on trains." }).success).toBe(true);
    expect(updateProfileInput.safeParse({ avatarUrl: null }).success).toBe(true);
    expect(updateProfileInput.safeParse({ avatarUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(updateProfileInput.safeParse({ avatarUrl: "https://example.com/me.png" }).success).toBe(true);
  });
});
