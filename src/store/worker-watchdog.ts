/**
 * The simulation worker's watchdog (README "Speed"): it asks the worker `ping` every second and
 * declares it failed when an answer is more than {@link SILENT_LIMIT_MS} late. Any message from the
 * worker counts as an answer. A page that was itself stalled or throttled (its timer fired late: a
 * hidden tab, a long task) judges nothing on that tick and asks again, so only the worker's silence
 * counts, never the page's.
 */

/** How often the watchdog asks. */
export const PING_EVERY_MS = 1_000;
/** How long an unanswered question may wait before the worker counts as stopped. */
export const SILENT_LIMIT_MS = 5_000;

/** What the watchdog needs: a clock, a timer, a way to ask, and where to report the failure. */
export interface WatchdogHost {
  /** Wall time in milliseconds. */
  now(): number;
  /** Runs `task` every `ms` milliseconds until the returned function is called. */
  every(task: () => void, ms: number): () => void;
  ping(): void;
  fail(reason: string): void;
}

/** Starts watching; call `heard` on every message from the worker, `stop` when the worker is ended. */
export function createWatchdog(host: WatchdogHost): { heard(): void; stop(): void } {
  let askedAt: number | null = null;
  let lastTick = host.now();
  const ask = (now: number) => {
    askedAt = now;
    host.ping();
  };
  const stop = host.every(() => {
    const now = host.now();
    const pageWasLate = now - lastTick > 2 * PING_EVERY_MS;
    lastTick = now;
    if (askedAt === null || pageWasLate) return ask(now);
    const silentMs = now - askedAt;
    if (silentMs <= SILENT_LIMIT_MS) return;
    stop();
    host.fail(`the simulation worker stopped answering (no reply for ${Math.round(silentMs / 1000)} s)`);
  }, PING_EVERY_MS);
  return {
    heard: () => {
      askedAt = null;
    },
    stop,
  };
}
