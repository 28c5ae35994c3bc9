/**
 * How often an open meeting page asks again for what others change (RSVPs,
 * progress): often enough that a friend's bar moves while you watch.
 */
export const LIVE_REFRESH_MS = 3_000;
