import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where a server without JWT_SECRET keeps the signing secret it generated on its first start. */
export const signingSecretFile = (dataDir: string) => path.join(dataDir, "jwt-secret");

/**
 * The access-token signing secret of a server started without JWT_SECRET:
 * generated at random on the first start and written under DATA_DIR, readable
 * by its owner only (mode 600), then read back by every later start, so tokens
 * survive restarts without a secret in the repository. `wx` makes two servers
 * starting at once on one DATA_DIR agree: the second reads what the first wrote.
 */
export function persistedSigningSecret(dataDir: string): string {
  const file = signingSecretFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(48).toString("base64url")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A copied or restored file may have lost its mode: keep it owner-only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it to generate a new one`);
  return secret;
}
