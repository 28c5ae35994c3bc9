import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { updateProfileInput } from "../accounts/schemas.js";
import { updateClubInput } from "../clubs/schemas.js";
import { myCalendarInput } from "../meetings/schemas.js";
import { CHANGE_SOMETHING, CONTROL_CHARACTERS, changesSomething, text, timestamp } from "./inputs.js";

describe("text", () => {
  const schema = text().max(50);

  it("refuses NUL and the other control characters, naming them", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001by", "del\u007f", "c1\u0085"]) {
      const result = schema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Remove the control characters from this text");
    }
  });

  it("keeps tabs and line breaks, trims, and still applies its length limits", () => {
    expect(schema.parse("  one\ttwo\r\nthree  ")).toBe("one\ttwo\r\nthree");
    expect(schema.safeParse("x".repeat(51)).success).toBe(false);
  });

  it("accepts any text without control characters (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (value) => {
        const result = text().safeParse(value);
        expect(result.success).toBe(!CONTROL_CHARACTERS.test(value.trim()));
      }),
    );
  });
});

describe("timestamp", () => {
  it("accepts years 1900 to 9999 and refuses the rest with a message", () => {
    expect(timestamp().parse("1900-01-01T00:00:00Z")).toEqual(new Date("1900-01-01T00:00:00Z"));
    expect(timestamp().parse(new Date("9999-12-31T23:59:59Z"))).toEqual(new Date("9999-12-31T23:59:59Z"));
    expect(timestamp().safeParse("+010000-01-01T00:00:00Z").error?.issues[0]?.message).toBe(
      "Give a date before the year 10000",
    );
    expect(timestamp().safeParse("-000001-01-01T00:00:00Z").error?.issues[0]?.message).toBe("Give a date from 1900 on");
    expect(timestamp("Say when").safeParse("not a date").error?.issues[0]?.message).toBe("Say when");
  });

  it("bounds the calendar's range", () => {
    const result = myCalendarInput.safeParse({ from: new Date("1899-12-31"), to: new Date("1900-02-01") });
    expect(result.error?.issues[0]?.path).toEqual(["from"]);
  });
});

describe("changesSomething", () => {
  it("counts only fields with a value", () => {
    expect(changesSomething({})).toBe(false);
    expect(changesSomething({ bio: undefined })).toBe(false);
    expect(changesSomething({ bio: undefined, avatarUrl: null })).toBe(true);
  });

  it("makes an update of explicit undefineds a BAD_REQUEST, not an empty SET", () => {
    expect(updateProfileInput.safeParse({ displayName: undefined }).error?.issues[0]?.message).toBe(CHANGE_SOMETHING);
    const club = updateClubInput.safeParse({ clubId: crypto.randomUUID(), changes: { name: undefined } });
    expect(club.error?.issues[0]?.path).toEqual(["changes"]);
  });
});
