import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MENTIONS_MAX, mentionedUsernames } from "./mentions.js";

describe("@mentions", () => {
  it("finds distinct usernames, lowercased", () => {
    expect(mentionedUsernames("Thanks @Ann_Reads and @bob42! Also @ann_reads again.")).toEqual(["ann_reads", "bob42"]);
  });

  it("ignores e-mail addresses, too-short names and names ending in an underscore", () => {
    expect(mentionedUsernames("mail ann@example.org, ping @ab or @carl_ please")).toEqual([]);
  });

  it("finds mentions at the start of a line and after punctuation", () => {
    expect(mentionedUsernames("@dora said (@eve1) so")).toEqual(["dora", "eve1"]);
  });

  it("caps how many members one text notifies", () => {
    const text = Array.from({ length: 40 }, (_, i) => `@reader${i}`).join(" ");
    expect(mentionedUsernames(text)).toHaveLength(MENTIONS_MAX);
  });

  it("every name found is a valid username that appears after an @ in the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        mentionedUsernames(text).every(
          (name) => /^[a-z0-9](?:[a-z0-9_]{1,28}[a-z0-9])$/.test(name) && text.toLowerCase().includes(`@${name}`),
        ),
      ),
    );
  });
});
