import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "./common-passwords.js";

const knownBreached = ["password", "123456789", "qwertyuiop", "iloveyou", "sunshine", "football", "letmein", "dragon"];

describe("breached passwords", () => {
  it("the list holds tens of thousands of passwords", () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(10_000);
  });

  it("knows the passwords attackers try first", () => {
    for (const password of knownBreached) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("recognises them whatever their case", () => {
    const recased = fc
      .tuple(fc.constantFrom(...knownBreached), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }))
      .map(([password, upper]) => [...password].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
    fc.assert(fc.property(recased, (password) => isCommonPassword(password)));
  });

  it("lets an uncommon passphrase through", () => {
    for (const password of ["the lover of north china", "correct horse battery staple", "zq8#Lw!p-quiet-lantern"]) {
      expect(isCommonPassword(password), password).toBe(false);
    }
  });
});
