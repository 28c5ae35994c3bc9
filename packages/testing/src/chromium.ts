/**
 * Debian's Chromium, headless, with the flags this closed network needs (without the background-networking ones it
 * tries Google's hosts at every start). The browser journeys and the benchmark's page timing both launch it so.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
