import { UpdateFrequency } from "@hkhealth/plan";

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * How often a distribution is checked, from its dataset's update frequency. AS_NEEDED files are
 * published whenever there is news: a daily check costs one conditional GET (a 304 mostly) and
 * notices a new file within a day. DAILY_DURING_PEAK is checked daily all year: off peak the
 * check is a 304.
 */
export const checkPeriodMs: Readonly<Record<UpdateFrequency, number>> = {
  [UpdateFrequency.EVERY_15_MINUTES]: 15 * minute,
  [UpdateFrequency.DAILY_DURING_PEAK]: day,
  [UpdateFrequency.WEEKLY]: 7 * day,
  [UpdateFrequency.MONTHLY]: 30 * day,
  [UpdateFrequency.QUARTERLY]: 91 * day,
  [UpdateFrequency.ANNUALLY]: 365 * day,
  [UpdateFrequency.AS_NEEDED]: day,
};

/** How far a period may be stretched or shrunk, so processes started together drift apart. */
export const JITTER = 0.1;

/** `periodMs` give or take JITTER of it; `random` in [0, 1) as Math.random gives. */
export function jittered(periodMs: number, random: () => number): number {
  return Math.round(periodMs * (1 + (random() * 2 - 1) * JITTER));
}

/** The first retry after a failure comes this soon; each further failure doubles it. */
export const FIRST_BACKOFF_MS = 30_000;

/** The wait after `failures` failures in a row: 30 s doubling, never longer than the period. */
export function backoffMs(failures: number, periodMs: number, firstMs = FIRST_BACKOFF_MS): number {
  const doubled = firstMs * 2 ** Math.min(Math.max(failures - 1, 0), 40);
  return Math.min(doubled, periodMs);
}
