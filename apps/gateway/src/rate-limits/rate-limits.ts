import type { BaseContext } from "@apollo/server";
import type { RequestHandler } from "express";
import { memoryCostBudget, redisCostBudget, type CostBudget } from "./cost-budget.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { rateLimited, secondsUntil } from "./rate-limit-error.js";
import { connectRedis, type RateLimitRedis } from "./redis-connection.js";
import { requestRateLimit } from "./request-rate-limit.js";
import type { RateLimits } from "../settings.js";

/** What the context of a request carries for the rate limits: whose budget it spends. */
export interface ClientContext {
  readonly clientKey?: string;
}

/** Spends an operation's estimated cost on its client's budget; throws a 429 error when it does not fit. */
export type SpendCost = (cost: number, context: BaseContext) => Promise<void>;

export interface RateLimiting {
  /** For /graphql, before the body is read: RATE_LIMIT_REQUESTS (absent when 0). */
  readonly requests?: RequestHandler;
  /** For the cost limit, once the operation is known: RATE_LIMIT_COST (absent when 0). */
  readonly spendCost?: SpendCost;
  close(): Promise<void>;
}

function costSpender(budget: CostBudget, limits: RateLimits, metrics: Metrics, redis: RateLimitRedis | undefined): SpendCost {
  return async (cost, context) => {
    const key = (context as ClientContext).clientKey;
    if (key === undefined) return;
    let spend;
    try {
      spend = await budget.spend(key, cost);
      redis?.outage.succeeded();
    } catch (error) {
      // Fail open: a gateway that cannot count still serves.
      redis?.outage.failed(error);
      return;
    }
    if (spend.allowed) return;
    metrics.rateLimited.inc({ limit: "RATE_LIMIT_COST" });
    throw rateLimited("RATE_LIMIT_COST", limits, secondsUntil(spend.resetInMs), `${spend.used} spent in this window, and this operation costs ${cost}`);
  };
}

/**
 * The limits per client address over RATE_LIMIT_WINDOW_MS: requests and estimated cost, counted
 * in Redis when REDIS_URL is set (shared by every gateway instance), in this process otherwise.
 */
export async function createRateLimiting(limits: RateLimits, options: { logger: Logger; metrics: Metrics }): Promise<RateLimiting> {
  const { logger, metrics } = options;
  const enabled = limits.RATE_LIMIT_REQUESTS > 0 || limits.RATE_LIMIT_COST > 0;
  const redis = enabled && limits.redisUrl ? await connectRedis(limits.redisUrl, logger) : undefined;
  const budget =
    limits.RATE_LIMIT_COST > 0
      ? redis
        ? redisCostBudget(redis.client, { limit: limits.RATE_LIMIT_COST, windowMs: limits.RATE_LIMIT_WINDOW_MS, prefix: `${limits.redisPrefix}cost:` })
        : memoryCostBudget(limits.RATE_LIMIT_COST, limits.RATE_LIMIT_WINDOW_MS)
      : undefined;
  return {
    ...(limits.RATE_LIMIT_REQUESTS > 0 && { requests: requestRateLimit(limits, { redis, metrics }) }),
    ...(budget && { spendCost: costSpender(budget, limits, metrics, redis) }),
    close: async () => {
      await redis?.close();
    },
  };
}
