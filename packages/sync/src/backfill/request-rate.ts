/** Time as the rate bound sees it; tests give a clock of their own instead of waiting. */
export interface Clock {
  /** Milliseconds, on any fixed origin. */
  now(): number;
  /** Resolves after `ms` (at once when `signal` aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

/**
 * At most `perSecond` requests in any second: each request starts 1/perSecond s after the one
 * before it at the earliest (the archive is a public service; BACKFILL_RATE).
 */
export class RequestRate {
  readonly #intervalMs: number;
  #nextAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly perSecond: number,
    readonly clock: Clock = systemClock,
  ) {
    if (!(perSecond > 0)) throw new RangeError(`a request rate must be above 0 per second, not ${perSecond}`);
    this.#intervalMs = 1000 / perSecond;
  }

  /** Waits for the next request's turn; returns early, without a turn, when `signal` aborts. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.#nextAt);
    this.#nextAt = at + this.#intervalMs;
    if (at > now) await this.clock.sleep(at - now, signal);
  }
}
