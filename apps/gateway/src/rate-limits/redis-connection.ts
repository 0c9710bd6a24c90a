import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { Redis } from "ioredis";
import type { Logger } from "../observability/logger.js";

/**
 * Reports Redis failing once per outage (not once per request), and its return. The rate
 * limits fail open meanwhile: a gateway that cannot count still serves.
 */
export interface RedisOutage {
  failed(error: unknown): void;
  succeeded(): void;
}

export interface RateLimitRedis {
  readonly client: Redis;
  readonly outage: RedisOutage;
  close(): Promise<void>;
}

/** host:port of a Redis URL, never its password. */
function redisTarget(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || "6379"}`;
}

export function redisOutage(target: string, logger: Logger): RedisOutage {
  let down = false;
  return {
    failed(error) {
      if (down) return;
      down = true;
      logger.warn(
        { redis: target, err: { message: (error as Error)?.message ?? String(error) } },
        `Redis (${target}) is unavailable: rate limits are not enforced until it is back`,
      );
    },
    succeeded() {
      if (!down) return;
      down = false;
      logger.info({ redis: target }, `Redis (${target}) is back: rate limits are enforced again`);
    },
  };
}

/**
 * A Redis connection for the rate limits' counts. A command never waits for a lost connection
 * (no offline queue, 1 s timeout): it fails at once and the request passes. Start waits for the
 * connection at most `readyWithinMs`; the client reconnects by itself afterwards.
 */
export async function connectRedis(url: string, logger: Logger, readyWithinMs = 3_000): Promise<RateLimitRedis> {
  const target = redisTarget(url);
  const outage = redisOutage(target, logger);
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on("error", (error: unknown) => outage.failed(error));
  client.on("ready", () => outage.succeeded());
  await Promise.race([once(client, "ready").catch(() => undefined), delay(readyWithinMs)]);
  return {
    client,
    outage,
    close: async () => {
      client.disconnect();
    },
  };
}
