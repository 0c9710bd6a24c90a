import { datasetDefinition, datasetDefinitions, UpdateFrequency, updateFrequencyOf } from "@hkhealth/plan";
import { CATALOGUE_READ } from "@hkhealth/store";
import { checkPeriodMs } from "@hkhealth/sync";
import type { CacheSettings } from "../settings.js";

const QUARTER_HOUR_MS = 15 * 60_000;

/** Seconds an answer read from a dataset of this frequency stays current: A&E until its next quarter-hour update, others their period. */
function secondsCurrent(frequency: UpdateFrequency, nowMs: number): number {
  if (frequency === UpdateFrequency.EVERY_15_MINUTES) return Math.max(1, Math.ceil((QUARTER_HOUR_MS - (nowMs % QUARTER_HOUR_MS)) / 1_000));
  return Math.round(checkPeriodMs[frequency] / 1_000);
}

const allFrequencies = [...new Set(datasetDefinitions.map(updateFrequencyOf))];

/**
 * Cache-Control max-age of an answer, from what it read: the shortest time any of its datasets
 * stays current (an answer across every dataset: the most frequent's), the catalogue's setting
 * for the catalogue alone (or nothing read), never above CACHE_MAX_AGE_LIMIT_SECONDS.
 */
export function maxAgeSeconds(reads: Iterable<string>, settings: CacheSettings, nowMs = Date.now()): number {
  let seconds = Number.POSITIVE_INFINITY;
  for (const read of reads) {
    if (read === CATALOGUE_READ) {
      seconds = Math.min(seconds, settings.catalogueMaxAgeSeconds);
      continue;
    }
    const definition = datasetDefinition(read);
    // A dataset registered at run time, or every dataset: the most frequent of all.
    const frequencies = definition ? [updateFrequencyOf(definition)] : allFrequencies;
    for (const frequency of frequencies) seconds = Math.min(seconds, secondsCurrent(frequency, nowMs));
  }
  if (seconds === Number.POSITIVE_INFINITY) seconds = settings.catalogueMaxAgeSeconds; // nothing read: the schema's answer
  return Math.min(seconds, settings.maxAgeLimitSeconds);
}

/** The Cache-Control of a cacheable answer. */
export function cacheControl(reads: Iterable<string>, settings: CacheSettings, nowMs = Date.now()): string {
  return `public, max-age=${maxAgeSeconds(reads, settings, nowMs)}, stale-while-revalidate=${settings.staleWhileRevalidateSeconds}`;
}
