import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export interface Metrics {
  readonly registry: Registry;
  readonly requests: Counter<"operation">;
  readonly requestDuration: Histogram<"operation">;
  readonly errors: Counter<"code">;
  readonly subgraphFetchDuration: Histogram<"subgraph" | "outcome">;
  readonly subgraphFetchesShared: Counter<"subgraph">;
  /** Requests refused by a rate limit, by the limit's variable (RATE_LIMIT_REQUESTS, RATE_LIMIT_COST). */
  readonly rateLimited: Counter<"limit">;
  /** The label for an operation name: names are chosen by clients, so only so many are kept apart. */
  operationLabel(name: string | null | undefined): string;
  /** Serves the registry in Prometheus' text format (GET /metrics). */
  readonly handler: RequestHandler;
}

/** Distinct operation names kept as labels; later ones count as "(other)". */
export const MAX_OPERATION_LABELS = 200;

const secondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics of one server (a registry of its own, so several servers in one process,
 * as in tests, do not collide): requests and latency by operation, errors by code, subgraph
 * fetch latency by subgraph, and the database pool when there is one.
 */
export function createMetrics(options: { poolStats?: () => PoolStats } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { poolStats } = options;
  if (poolStats) {
    new Gauge({
      name: "db_pool_connections",
      help: "Database connections by state (in_use = total - idle; waiting = requests queued for one).",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "in_use" }, stats.total - stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
  }
  const seen = new Set<string>();
  return {
    registry,
    requests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations received, by operation name.",
      labelNames: ["operation"] as const,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request to sending its response, by operation name.",
      labelNames: ["operation"] as const,
      buckets: secondsBuckets,
      registers: [registry],
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "Errors in GraphQL responses (and refused requests), by extensions.code.",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: "graphql_subgraph_fetch_duration_seconds",
      help: "Time of each fetch the gateway makes to a subgraph, by subgraph and outcome (ok, errors, failed).",
      labelNames: ["subgraph", "outcome"] as const,
      buckets: secondsBuckets,
      registers: [registry],
    }),
    subgraphFetchesShared: new Counter({
      name: "graphql_subgraph_fetches_shared_total",
      help: "Subgraph fetches answered by an identical fetch already in flight, by subgraph (not sent again).",
      labelNames: ["subgraph"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "graphql_rate_limited_total",
      help: "Requests refused with 429 by a rate limit per client, by limit (RATE_LIMIT_REQUESTS, RATE_LIMIT_COST).",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return "(anonymous)";
      const label = name.slice(0, 100);
      if (seen.has(label)) return label;
      if (seen.size >= MAX_OPERATION_LABELS) return "(other)";
      seen.add(label);
      return label;
    },
    handler: async (_request, response) => {
      response.setHeader("content-type", registry.contentType);
      response.send(await registry.metrics());
    },
  };
}
