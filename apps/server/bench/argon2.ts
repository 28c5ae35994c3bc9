// Measures the cost of one password hash and one verification with Booky's argon2id parameters.
// Run: pnpm --filter @booky/server bench:argon2
import { ARGON2ID_PARAMS } from "@booky/domain";
import argon2 from "argon2";

const ROUNDS = 20;
const options = { type: argon2.argon2id, ...ARGON2ID_PARAMS } as const;

async function time(label: string, task: () => Promise<unknown>) {
  await task(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(ROUNDS / 2)] ?? 0;
  const p95 = samples[Math.floor(ROUNDS * 0.95)] ?? 0;
  console.log(`${label.padEnd(8)} median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   (${ROUNDS} runs)`);
}

console.log(
  `argon2id m=${ARGON2ID_PARAMS.memoryCost} KiB (${(ARGON2ID_PARAMS.memoryCost / 1024).toFixed(0)} MiB), t=${ARGON2ID_PARAMS.timeCost}, p=${ARGON2ID_PARAMS.parallelism}`,
);
const hash = await argon2.hash("correct horse battery staple", options);
await time("hash", () => argon2.hash("correct horse battery staple", options));
await time("verify", () => argon2.verify(hash, "correct horse battery staple"));
