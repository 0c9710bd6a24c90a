import { z } from "zod";
import { count, onOff, flag, type DefaultsContext } from "./values.js";

/**
 * The gateway's response cache and HTTP caching (README "Caching"). On by default, except under
 * a test runner, where a test that repeats a query to count its SQL must reach the database.
 */
export function responseCache({ quiet }: DefaultsContext) {
  return {
    RESPONSE_CACHE: onOff.default(!quiet),
    /** Bytes of answers held in memory (LRU); the least recently used go first. */
    RESPONSE_CACHE_MAX_BYTES: count(64 * 1024 * 1024, 1_024, 64 * 1024 * 1024 * 1024),
    /** "memory" (this process) or "redis" (REDIS_URL, shared by every gateway instance). */
    RESPONSE_CACHE_STORE: z.enum(["memory", "redis"]).default("memory"),
    RESPONSE_CACHE_REDIS_PREFIX: z.string().min(1).max(100).default("hkhealth:response-cache:"),
    /** Cache-Control max-age of answers that read only the catalogue (it changes with the plan). */
    CACHE_CATALOGUE_MAX_AGE_SECONDS: count(3_600, 0, 31_536_000),
    /** The longest max-age ever sent, whatever the datasets' update periods (a yearly dataset may still be corrected). */
    CACHE_MAX_AGE_LIMIT_SECONDS: count(86_400, 0, 31_536_000),
    /** Cache-Control stale-while-revalidate: how long a CDN may serve an expired answer while it fetches a new one. */
    CACHE_STALE_WHILE_REVALIDATE_SECONDS: count(60, 0, 86_400),
  };
}

/** The allow-list mode of persisted queries. */
export const persistedQueries = {
  /** Refuse any operation whose document is not in PERSISTED_QUERIES_MANIFEST. */
  PERSISTED_QUERIES_ONLY: flag(false),
  /** A persisted query manifest (JSON, `pnpm --filter @hkhealth/gateway persisted-queries` writes one). */
  PERSISTED_QUERIES_MANIFEST: z.string().min(1).optional(),
};

/** PERSISTED_QUERIES_ONLY needs the manifest that says what is allowed. */
export const allowListHasManifest = {
  check: (environment: { PERSISTED_QUERIES_ONLY: boolean; PERSISTED_QUERIES_MANIFEST?: string | undefined }) =>
    !environment.PERSISTED_QUERIES_ONLY || environment.PERSISTED_QUERIES_MANIFEST !== undefined,
  options: { message: "PERSISTED_QUERIES_ONLY=true needs PERSISTED_QUERIES_MANIFEST, the path of the manifest of allowed operations", path: ["PERSISTED_QUERIES_MANIFEST"] },
};

/** RESPONSE_CACHE_STORE=redis needs REDIS_URL. */
export const redisStoreHasUrl = {
  check: (environment: { RESPONSE_CACHE_STORE: string; REDIS_URL?: string | undefined }) =>
    environment.RESPONSE_CACHE_STORE !== "redis" || environment.REDIS_URL !== undefined,
  options: { message: "RESPONSE_CACHE_STORE=redis needs REDIS_URL", path: ["RESPONSE_CACHE_STORE"] },
};
