/**
 * argon2id cost, above the OWASP minimum (m=19 MiB, t=2, p=1). Measured on the
 * 2-core reference machine at ~55 ms per hash (`pnpm --filter @booky/server bench:argon2`).
 * Changing these only affects new hashes; old ones keep their own parameters.
 */
export const ARGON2ID_PARAMS = {
  memoryCost: 19_456 * 2, // KiB: 38 MiB
  timeCost: 2,
  parallelism: 1,
} as const;
