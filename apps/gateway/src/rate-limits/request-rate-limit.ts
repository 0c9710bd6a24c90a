import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type AugmentedRequest, type Options, type Store } from "express-rate-limit";
import { RedisStore, type RedisReply } from "rate-limit-redis";
import type { Metrics } from "../observability/metrics.js";
import { rateLimited, secondsUntil } from "./rate-limit-error.js";
import type { RateLimitRedis } from "./redis-connection.js";
import { refuse } from "../http/refuse.js";
import type { RateLimits } from "../settings.js";

/**
 * Whose budget a request spends: its client's address (Express's `request.ip`, which follows
 * X-Forwarded-For only as far as TRUST_PROXY allows), an IPv6 address by its /56 network.
 */
export function clientKey(request: Request): string {
  return ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? "unknown");
}

/**
 * A store made again after it fails: rate-limit-redis loads its scripts once, when it starts, so
 * one started while Redis was down would fail every count after Redis is back.
 */
class RemadeAfterFailure implements Store {
  private current?: { readonly store: Store; readonly ready: Promise<void> };
  private options?: Options;

  constructor(private readonly create: () => Store) {}

  init(options: Options): void {
    this.options = options;
    this.open();
  }

  private open() {
    if (!this.current) {
      const store = this.create();
      const ready = Promise.resolve(this.options && store.init?.(this.options));
      ready.catch(() => undefined);
      this.current = { store, ready };
    }
    return this.current;
  }

  private async use<T>(action: (store: Store) => T | Promise<T>): Promise<T> {
    const current = this.open();
    try {
      await current.ready;
      return await action(current.store);
    } catch (error) {
      if (this.current === current) this.current = undefined;
      throw error;
    }
  }

  increment(key: string) {
    return this.use((store) => store.increment(key));
  }

  decrement(key: string) {
    return this.use((store) => store.decrement(key));
  }

  resetKey(key: string) {
    return this.use((store) => store.resetKey(key));
  }
}

function redisStore(redis: RateLimitRedis, prefix: string): Store {
  const remade = new RemadeAfterFailure(
    () =>
      new RedisStore({
        prefix,
        sendCommand: (command: string, ...args: string[]) => redis.client.call(command, ...args) as Promise<RedisReply>,
      }),
  );
  // Counting again after a failure is Redis back.
  const increment = remade.increment.bind(remade);
  remade.increment = async (key) => {
    const result = await increment(key);
    redis.outage.succeeded();
    return result;
  };
  return remade;
}

/**
 * RATE_LIMIT_REQUESTS per client per window (express-rate-limit; counted in Redis when there is
 * one, so every instance shares the counts). The standard RateLimit-* headers go on every answer;
 * a refusal is a 429 GraphQL error with Retry-After. A store that fails lets the request pass.
 */
export function requestRateLimit(limits: RateLimits, options: { redis?: RateLimitRedis | undefined; metrics: Metrics }): RequestHandler {
  const { redis, metrics } = options;
  return rateLimit({
    windowMs: limits.RATE_LIMIT_WINDOW_MS,
    limit: limits.RATE_LIMIT_REQUESTS,
    standardHeaders: "draft-6",
    legacyHeaders: false,
    keyGenerator: clientKey,
    passOnStoreError: true,
    ...(redis && { store: redisStore(redis, `${limits.redisPrefix}requests:`) }),
    // Its only errors are the store's; logged once per outage.
    logger: { error: (error: unknown) => redis?.outage.failed(error), warn: () => undefined },
    // X-Forwarded-For without TRUST_PROXY is expected (and ignored): not worth a warning per request.
    validate: { xForwardedForHeader: false, forwardedHeader: false },
    handler: (request, response) => {
      metrics.rateLimited.inc({ limit: "RATE_LIMIT_REQUESTS" });
      const info = (request as AugmentedRequest).rateLimit;
      const retryAfter = secondsUntil(info?.resetTime ? info.resetTime.getTime() - Date.now() : limits.RATE_LIMIT_WINDOW_MS);
      response.setHeader("Retry-After", String(retryAfter));
      const used = info ? `${info.used} requests in this window` : "too many requests in this window";
      refuse(request, response, 429, rateLimited("RATE_LIMIT_REQUESTS", limits, retryAfter, used));
    },
  });
}
