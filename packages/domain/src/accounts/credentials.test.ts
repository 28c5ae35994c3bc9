import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  avatarUrlSchema,
  bioSchema,
  displayNameSchema,
  emailSchema,
  normalizeEmail,
  normalizeUsername,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  USERNAME_PATTERN,
  usernameSchema,
} from "./credentials.js";

/** Strings that look like usernames in any case, possibly padded, valid or not. */
const usernameLike = fc.stringMatching(/^\s{0,2}[A-Za-z0-9_ .-]{0,34}\s{0,2}$/);
/** Valid usernames as a person might type them: any case, maybe padded. */
const validUsername = fc.stringMatching(/^ ?[A-Za-z0-9][A-Za-z0-9_]{1,28}[A-Za-z0-9] ?$/);

describe("e-mail folding", () => {
  it("an e-mail is trimmed and folded to lower case", () => {
    expect(emailSchema.parse("  Jo.March@Example.COM ")).toBe("jo.march@example.com");
    expect(normalizeEmail(" A@B.C ")).toBe("a@b.c");
  });

  it("any ordinary e-mail, in any case and padded, parses to its trimmed lower-case form, and again to itself", () => {
    const address = fc.stringMatching(
      /^[a-z0-9](?:[a-z0-9_+-]{0,8}[a-z0-9])?(?:\.[a-z0-9]{1,8}){0,2}@[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?\.[a-z]{2,6}$/,
    );
    const typed = fc
      .tuple(address, fc.array(fc.boolean(), { maxLength: 64 }), fc.constantFrom("", " ", "  "))
      .map(
        ([email, upper, pad]) => `${pad}${[...email].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")}${pad}`,
      );
    fc.assert(
      fc.property(typed, (raw) => {
        const parsed = emailSchema.parse(raw);
        return parsed === raw.trim().toLowerCase() && emailSchema.parse(parsed) === parsed;
      }),
    );
  });

  it("refuses what is not an e-mail address, and addresses over 254 characters", () => {
    for (const bad of ["", " ", "jo", "jo@", "@example.com", "jo march@example.com", "jo@@example.com"]) {
      expect(emailSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(emailSchema.safeParse(`${"a".repeat(64)}@${"b".repeat(186)}.com`).success).toBe(false);
  });
});

describe("usernames", () => {
  it("folding a username is idempotent", () => {
    fc.assert(fc.property(fc.string(), (raw) => normalizeUsername(normalizeUsername(raw)) === normalizeUsername(raw)));
  });

  it("any valid username, in any case, is accepted and folded to a name matching USERNAME_PATTERN", () => {
    fc.assert(
      fc.property(validUsername, (raw) => {
        const parsed = usernameSchema.parse(raw);
        return parsed === raw.trim().toLowerCase() && USERNAME_PATTERN.test(parsed);
      }),
    );
  });

  it("the schema accepts exactly the strings whose folded form matches USERNAME_PATTERN", () => {
    fc.assert(
      fc.property(fc.oneof(usernameLike, fc.string()), (raw) => {
        return usernameSchema.safeParse(raw).success === USERNAME_PATTERN.test(normalizeUsername(raw));
      }),
    );
  });

  it("allows 3 to 30 letters, digits and inner underscores", () => {
    for (const good of ["jo3", "a_b", "a".repeat(30), "Jo_March_1868"]) {
      expect(usernameSchema.safeParse(good).success, good).toBe(true);
    }
  });

  it("refuses usernames too short or too long, with an outer underscore, a space or a non-ASCII letter", () => {
    for (const bad of ["", "jo", "a".repeat(31), "_jo_march", "jo_", "jo march", "jö_m", "jo-march", "jo.march"]) {
      expect(usernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe("passwords", () => {
  it(`accepts a password exactly when it has ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PASSWORD_MAX_LENGTH + 40 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (length, char) => {
          const accepted = passwordSchema.safeParse(char.repeat(length)).success;
          return accepted === (length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH);
        },
      ),
    );
  });

  it("keeps a password exactly as typed: no trimming, no case folding", () => {
    expect(passwordSchema.parse("  Mixed Case  ")).toBe("  Mixed Case  ");
  });

  it("says what the limits are", () => {
    expect(passwordSchema.safeParse("short").error?.issues[0]?.message).toBe("Use at least 8 characters");
    expect(passwordSchema.safeParse("x".repeat(129)).error?.issues[0]?.message).toBe("Use at most 128 characters");
  });
});

describe("profile fields", () => {
  it("a display name is trimmed, not empty, and at most 60 characters", () => {
    expect(displayNameSchema.parse("  Jo March ")).toBe("Jo March");
    expect(displayNameSchema.safeParse("   ").success).toBe(false);
    expect(displayNameSchema.safeParse("x".repeat(60)).success).toBe(true);
    expect(displayNameSchema.safeParse("x".repeat(61)).success).toBe(false);
  });

  it("a bio is trimmed and at most 500 characters, and may be empty", () => {
    expect(bioSchema.parse("  Reads on trains. ")).toBe("Reads on trains.");
    expect(bioSchema.parse("")).toBe("");
    expect(bioSchema.safeParse("x".repeat(501)).success).toBe(false);
  });

  it("an avatar is an http or https URL and nothing else", () => {
    for (const good of ["https://example.com/me.png", "http://example.com/a.jpg?size=64"]) {
      expect(avatarUrlSchema.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "ftp://example.com/a.png", "me.png", ""]) {
      expect(avatarUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(avatarUrlSchema.safeParse(`https://example.com/${"a".repeat(2048)}`).success).toBe(false);
  });
});
