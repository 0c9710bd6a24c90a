import type { Redis } from "ioredis";

/** What spending on a client's budget gave: allowed or not, what it has spent, when its window ends. */
export interface CostSpend {
  readonly allowed: boolean;
  /** Spent in this window, this operation included when allowed. */
  readonly used: number;
  readonly resetInMs: number;
}

/** A budget of estimated cost per client per fixed window. An operation that would pass it is refused and not counted. */
export interface CostBudget {
  spend(key: string, cost: number): Promise<CostSpend>;
}

/** Windows of other clients that ended are dropped once this many are kept. */
const PRUNE_AT = 10_000;

/** The budget of one process (no REDIS_URL). */
export function memoryCostBudget(limit: number, windowMs: number): CostBudget {
  const windows = new Map<string, { used: number; endsAt: number }>();
  return {
    async spend(key, cost) {
      const now = Date.now();
      if (windows.size >= PRUNE_AT) {
        for (const [other, window] of windows) if (window.endsAt <= now) windows.delete(other);
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= now) {
        window = { used: 0, endsAt: now + windowMs };
        windows.set(key, window);
      }
      const allowed = window.used + cost <= limit;
      if (allowed) window.used += cost;
      return { allowed, used: window.used, resetInMs: window.endsAt - now };
    },
  };
}

// Atomic, so instances spending for one client at once never both pass the budget.
const spendScript = `
local cost = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local ttl = redis.call("PTTL", KEYS[1])
local used = 0
if ttl > 0 then used = tonumber(redis.call("GET", KEYS[1]) or "0") else ttl = tonumber(ARGV[3]) end
if used + cost > limit then return { 0, used, ttl } end
if used == 0 then redis.call("SET", KEYS[1], cost, "PX", ttl) else redis.call("INCRBY", KEYS[1], cost) end
return { 1, used + cost, ttl }`;

/** The budget shared by every gateway instance on one Redis (REDIS_URL). */
export function redisCostBudget(redis: Redis, options: { limit: number; windowMs: number; prefix: string }): CostBudget {
  return {
    async spend(key, cost) {
      const [allowed, used, resetInMs] = (await redis.eval(spendScript, 1, `${options.prefix}${key}`, cost, options.limit, options.windowMs)) as [number, number, number];
      return { allowed: allowed === 1, used, resetInMs };
    },
  };
}
