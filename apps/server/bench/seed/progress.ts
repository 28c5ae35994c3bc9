import cliProgress from "cli-progress";

const number = new Intl.NumberFormat("en-US");

/** One progress bar per seeding step, showing rows written and rows per second. */
export function createSeedProgress() {
  const summary: { step: string; rows: number; seconds: number }[] = [];

  async function step(name: string, total: number, work: (advance: (rows: number) => void) => Promise<void>) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${name.padEnd(22)} |{bar}| {percentage}% {value}/{total} rows  {rate} rows/s  {duration}s`,
        barsize: 24,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5_000,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    let done = 0;
    const rate = () => number.format(Math.round(done / Math.max(0.001, (performance.now() - started) / 1000)));
    bar.start(Math.max(total, 1), 0, { rate: "0" });
    await work((rows) => {
      done += rows;
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { rate: rate() });
    });
    bar.update(done, { rate: rate() });
    bar.stop();
    summary.push({ step: name, rows: done, seconds: (performance.now() - started) / 1000 });
  }

  return { step, summary };
}

export type SeedProgress = ReturnType<typeof createSeedProgress>;
