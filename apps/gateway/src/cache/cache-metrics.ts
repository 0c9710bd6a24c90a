import { Counter, Gauge, type Registry } from "prom-client";

export interface CacheMetrics {
  readonly hits: Counter;
  readonly misses: Counter;
  /** Misses that found an answer whose data had changed since (its NOTIFY not yet heard). */
  readonly outdated: Counter;
  /** Answers dropped because a dataset (or the catalogue) they read changed. */
  readonly invalidations: Counter;
  /** Change notices received (dataset ids, the catalogue), whether or not they dropped anything. */
  readonly changes: Counter;
}

/** The response cache's metrics, on the gateway's registry; bytes held are read when scraped. */
export function createCacheMetrics(registry: Registry, bytesHeld: () => number | undefined): CacheMetrics {
  new Gauge({
    name: "graphql_response_cache_bytes",
    help: "Bytes of answers the response cache holds in this process (absent with the Redis store).",
    registers: [registry],
    collect() {
      const bytes = bytesHeld();
      if (bytes !== undefined) this.set(bytes);
    },
  });
  return {
    hits: new Counter({ name: "graphql_response_cache_hits_total", help: "Operations answered from the response cache.", registers: [registry] }),
    misses: new Counter({ name: "graphql_response_cache_misses_total", help: "Cacheable operations not found in the response cache (answered by the subgraphs).", registers: [registry] }),
    outdated: new Counter({
      name: "graphql_response_cache_outdated_total",
      help: "Misses that found a kept answer whose data had changed since it was computed, before this gateway heard of the change.",
      registers: [registry],
    }),
    changes: new Counter({ name: "graphql_response_cache_changes_total", help: "Committed data changes this gateway was told of (each ingest's NOTIFY).", registers: [registry] }),
    invalidations: new Counter({
      name: "graphql_response_cache_invalidations_total",
      help: "Cached answers dropped because a dataset or the catalogue they read changed (an ingest's commit).",
      registers: [registry],
    }),
  };
}
