/**
 * How much data a scale means. Scale 1: 100k users, 10k clubs, 100k meetings;
 * reading progress, its history, the ledger and friendships follow from those
 * (about 1M progress rows and 1M ledger entries). Scale 10 is ten times that.
 */
export interface SeedPlan {
  scale: number;
  users: number;
  clubs: number;
  /** Meetings per club (every club gets the same number; club sizes carry the skew). */
  meetingsPerClub: number;
  /** Largest club size (the schema's member limit caps it at 10,000). */
  largestClub: number;
  /** Club size falls with rank as largestClub / rank^exponent (rank counted per `scale` clubs). */
  sizeExponent: number;
  /** Extra scheduled meetings of the largest club where the bench users bet (each pair once per run). */
  arenaMeetings: number;
  /** Members of the largest club who attend every arena meeting: the bench's signed-in users. */
  arenaUsers: number;
  /** Step through user numbers when picking a club's members (a prime: no repeats in a club). */
  memberStride: number;
}

export const SMOKE_SCALE = 0.005;

export function seedPlan(scale: number): SeedPlan {
  if (!(scale > 0 && scale <= 100)) throw new Error(`--scale must be in (0, 100], got ${scale}`);
  const users = Math.max(200, Math.round(100_000 * scale));
  return {
    scale,
    users,
    clubs: Math.max(20, Math.round(10_000 * scale)),
    meetingsPerClub: 10,
    largestClub: Math.min(10_000, Math.floor(users / 2)),
    sizeExponent: 0.8,
    arenaMeetings: scale < 0.1 ? 20 : 500,
    arenaUsers: scale < 0.1 ? 16 : 64,
    memberStride: 7919,
  };
}

/** The one password every seeded account has (hashed once with argon2 and reused). */
export const BENCH_PASSWORD = "booky-bench-reader";
