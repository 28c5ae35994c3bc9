import { z } from "zod";
import { text } from "../shared/inputs.js";

/** Limits shared by the sign-up form and the server, so both say the same thing. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9_]{1,28}[a-z0-9])$/;

/** Usernames and e-mails are compared case-insensitively: store them folded. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .max(254, "E-mail is too long")
  .pipe(z.email("Enter a valid e-mail address"))
  .transform(normalizeEmail);

export const usernameSchema = z
  .string()
  .trim()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .regex(
        USERNAME_PATTERN,
        "3–30 characters: letters, digits and underscores, starting and ending with a letter or digit",
      ),
  );

/** Length only: the breached-password check lives server-side (the list is large). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const displayNameSchema = text()
  .min(1, "Display name cannot be empty")
  .max(60, "Display name is at most 60 characters");

export const bioSchema = text().max(500, "Bio is at most 500 characters");

export const avatarUrlSchema = z
  .url({ protocol: /^https?$/, error: "Avatar must be an http(s) URL" })
  .max(2048, "Avatar URL is too long");
