import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The ~49k most common passwords from public breach corpora, as shipped by zxcvbn-ts.
 * Kept in its own entry point so the web bundle never pulls it in.
 */
const commonPasswords = new Set(dictionary["passwords-common"]);

export const COMMON_PASSWORD_COUNT = commonPasswords.size;

/** True when the password (case-insensitively) is one attackers try first. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}
