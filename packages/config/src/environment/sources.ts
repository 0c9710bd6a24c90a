import { z } from "zod";
import { count, httpUrl, onOff, type DefaultsContext } from "./values.js";

/** Limits on one file an ingest reads (see the README's "Refused files"): every process that ingests. */
export const ingestLimits = {
  /** Characters of one record (a CSV line, an XLSX row, a JSON or XML record, as stored). */
  INGEST_MAX_RECORD_CHARACTERS: count(1_000_000, 1_000, 100_000_000),
  /** Bytes of a JSON or XML file, which are read whole. */
  INGEST_MAX_DOCUMENT_BYTES: count(16_000_000, 1_000, 2_000_000_000),
  /** Nesting of objects, arrays or elements in a JSON or XML file. */
  INGEST_MAX_NESTING: count(32, 2, 1_000),
};

/** Where the agencies' files are fetched from: the sync and the backfill. */
export const sources = {
  /** Where every source is fetched from instead (a mirror, a test server): see @hkhealth/sync's mirroredUrl. */
  SOURCES_MIRROR: httpUrl("must be an http(s):// URL such as http://127.0.0.1:8080").optional(),
};

/** How the sync checks files (see the README's "Sync"): `pnpm sync` and the scheduler. */
export const syncChecks = {
  /** Distributions checked at once. */
  SYNC_CONCURRENCY: count(4, 1, 64),
  /** Longest one fetch of a source may take, headers to last byte. */
  SYNC_TIMEOUT_MS: count(60_000, 100, 3_600_000),
};

/** The scheduler (`pnpm start`, `pnpm start:sync`). */
export const syncSchedule = {
  /** How often the scheduler looks for distributions due. */
  SYNC_TICK_MS: count(15_000, 100, 3_600_000),
};

/** Run the scheduler beside the gateway (`pnpm start`); the default is off under a test runner. */
export function syncSwitch({ quiet }: DefaultsContext) {
  return { SYNC: onOff.default(!quiet) };
}

/** `pnpm backfill`'s pace. */
export const backfill = {
  /** Requests per second sent to the DATA.GOV.HK archive (fractions allowed: 0.5 is one every 2 s). */
  BACKFILL_RATE: z.coerce.number().positive().max(1_000).default(2),
};

export type IngestLimitsEnvironment = z.output<z.ZodObject<typeof ingestLimits>>;
export type SyncSchedulerEnvironment = z.output<z.ZodObject<typeof sources & typeof syncChecks & typeof syncSchedule>>;
