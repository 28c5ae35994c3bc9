import { ARGON2ID_PARAMS } from "@booky/domain";
import { isCommonPassword } from "@booky/domain/common-passwords";
import argon2 from "argon2";
import { fieldError } from "../errors.js";

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...ARGON2ID_PARAMS });
}

// A real hash to verify against when the account does not exist, so an unknown
// e-mail costs the same time as a wrong password.
const dummyHash = hashPassword("booky-dummy-password-for-timing");

/** Verifies `password` against `hash`, or burns the same time when there is no hash. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** Rejects passwords found in breach corpora, naming the field for the form. */
export function assertAcceptablePassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw fieldError(field, "This password appears in lists of breached passwords; choose another");
  }
}
