import { isIP } from "node:net";
import { z } from "zod";
import { count, flag } from "./values.js";

/** Limits on what one request to the gateway may ask for (see the README's "Running in production"). */
export const queryLimits = {
  MAX_DEPTH: count(10, 1, 100),
  MAX_ALIASES: count(15, 0, 1_000),
  MAX_ROOT_FIELDS: count(20, 1, 1_000),
  MAX_DIRECTIVES: count(20, 0, 1_000),
  MAX_TOKENS: count(1_000, 10, 100_000),
  MAX_QUERY_CHARACTERS: count(10_000, 100, 1_000_000),
  /** Fragment spreads in one operation once fragments are expanded (a fragment spread twice in one spread twice is 4). */
  MAX_FRAGMENT_SPREADS: count(100, 1, 100_000),
  /** Fragments nested in fragments (a spread in the operation is 1). */
  MAX_FRAGMENT_DEPTH: count(10, 1, 1_000),
  /** Nesting of the JSON in a request's `variables` and `extensions` (objects and arrays). */
  MAX_VARIABLE_DEPTH: count(32, 1, 1_000),
  MAX_COST: count(20_000, 1, 100_000_000),
  MAX_PAGE_SIZE: count(1_000, 1, 100_000),
  ALLOW_BATCHED_REQUESTS: flag(false),
  MAX_BATCH_SIZE: count(10, 1, 1_000),
};

/** Named address ranges Express's "trust proxy" knows. */
const proxyRangeNames = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Express's "trust proxy", for X-Forwarded-For: false (the default: the socket's address is the
 * client), a hop count, or the proxies' addresses (IPs, CIDR ranges, loopback/linklocal/uniquelocal).
 * "true" (every hop trusted) is refused: any client could then name its own address.
 */
const trustProxy = z
  .string()
  .transform((value, context): false | number | string[] => {
    const text = value.trim().toLowerCase();
    if (["false", "0", "no", "off"].includes(text)) return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (["true", "yes", "on"].includes(text)) {
      context.addIssue({ code: "custom", message: "trusting every proxy lets any client choose its own address; give a hop count or the proxies' addresses" });
      return false;
    }
    const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
    for (const entry of entries) {
      const [address = "", prefix] = entry.split("/");
      const prefixValid = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (isIP(address) === 6 ? 128 : 32));
      if (!proxyRangeNames.has(entry) && !(isIP(address) && prefixValid)) {
        context.addIssue({ code: "custom", message: `"${entry}" is not a hop count, an IP address, a CIDR range or loopback/linklocal/uniquelocal` });
      }
    }
    return entries;
  })
  .default(false);

/** Limits per client address over a window (see the README's "Rate limits"); 0 switches one off. */
export const rateLimits = {
  /** Requests to /graphql per client per window. */
  RATE_LIMIT_REQUESTS: count(600, 0, 10_000_000),
  /** Estimated cost (as MAX_COST counts it) per client per window; 0, or at least MAX_COST. */
  RATE_LIMIT_COST: count(200_000, 0, 1_000_000_000_000),
  RATE_LIMIT_WINDOW_MS: count(60_000, 1_000, 86_400_000),
  TRUST_PROXY: trustProxy,
  /** Redis shared by the gateway instances for the rate limits' counts; without it each process counts alone. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").refine(URL.canParse, "is not a URL").optional(),
  /** Prefix of the rate limits' keys in Redis. */
  RATE_LIMIT_REDIS_PREFIX: z.string().min(1).max(100).default("hkhealth:rate-limit:"),
};

/**
 * RATE_LIMIT_COST must be 0 or at least MAX_COST: otherwise an operation MAX_COST allows could
 * never fit in the budget, however long it waited. For a schema that reads both.
 */
export const costBudgetFitsOneOperation = {
  check: (environment: { readonly RATE_LIMIT_COST: number; readonly MAX_COST: number }) =>
    environment.RATE_LIMIT_COST === 0 || environment.RATE_LIMIT_COST >= environment.MAX_COST,
  options: { path: ["RATE_LIMIT_COST"], message: "must be 0 (off) or at least MAX_COST" },
};
