import { z } from "zod";
import { CHANGE_SOMETHING, changesSomething } from "../shared/inputs.js";
import {
  avatarUrlSchema,
  bioSchema,
  displayNameSchema,
  emailSchema,
  passwordSchema,
  usernameSchema,
} from "./credentials.js";

/** Procedure inputs for accounts: the web's forms validate with these same schemas. */
export const signUpInput = z.object({
  email: emailSchema,
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});

export const logInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(1024),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(1024),
  newPassword: passwordSchema,
});

export const requestPasswordResetInput = z.object({ email: emailSchema });

export const resetPasswordInput = z.object({
  token: z.string().min(16, "This reset link is invalid").max(256),
  newPassword: passwordSchema,
});

export const updateProfileInput = z
  .object({
    displayName: displayNameSchema,
    bio: bioSchema,
    avatarUrl: avatarUrlSchema.nullable(),
  })
  .partial()
  .refine(changesSomething, CHANGE_SOMETHING);

export const deleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password to confirm").max(1024),
});

export const usernameInput = z.object({ username: usernameSchema });

export type SignUpInput = z.infer<typeof signUpInput>;
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;
