import { createHash, randomBytes } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { LRUCache } from "lru-cache";

export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: "user" | "admin";
}

export interface AccessTokenConfig {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

const ALGORITHM = "HS256";
// User and session ids are uuids; anything else would reach the database as a bad value.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Tokens whose signature was checked, kept until they expire: about 0.5 kB each. */
const VERIFIED_TOKENS = 10_000;

export function createAccessTokens(config: AccessTokenConfig) {
  // Imported once: given the raw bytes, jose imports them as a key again on every sign and verify.
  const key = crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(config.secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );

  async function sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + config.ttlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId, role: claims.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
      .setSubject(claims.userId)
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(await key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  // A page sends the same token with every call; checking its signature again (WebCrypto's HMAC) was the largest
  // single cost per call left in the bench's profile. A token's claims cannot change, so they are kept until it
  // expires; whether its session is still live is checked in the database on every call regardless.
  const verified = new LRUCache<string, { claims: AccessClaims; expiresAtMs: number }>({ max: VERIFIED_TOKENS });

  /** Null for any token we did not sign, that expired, or that lacks a claim. */
  async function verify(token: string): Promise<AccessClaims | null> {
    const known = verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return known.claims;
      verified.delete(token);
      return null;
    }
    const claims = await verifySignature(token);
    if (claims) verified.set(token, claims);
    return claims?.claims ?? null;
  }

  async function verifySignature(token: string): Promise<{ claims: AccessClaims; expiresAtMs: number } | null> {
    try {
      const { payload } = await jwtVerify(token, await key, {
        algorithms: [ALGORITHM],
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ["exp", "iat", "sub", "iss", "aud"],
      });
      const { sub, sid, role, exp } = payload;
      if (typeof sub !== "string" || typeof sid !== "string" || !UUID.test(sub) || !UUID.test(sid)) return null;
      if (role !== "user" && role !== "admin") return null;
      return { claims: { userId: sub, sessionId: sid, role }, expiresAtMs: (exp as number) * 1000 };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }

  return { sign, verify };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

/** An opaque 256-bit secret for a refresh or reset token, and its stored digest. */
export function newOpaqueToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}
