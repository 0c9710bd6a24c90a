import { readGatewayEnvironment, type GatewayEnvironment } from "@hkhealth/config";

/** What one request may ask for; each is named in errors by its environment variable. */
export interface QueryLimits {
  readonly MAX_DEPTH: number;
  readonly MAX_ALIASES: number;
  readonly MAX_ROOT_FIELDS: number;
  readonly MAX_DIRECTIVES: number;
  readonly MAX_TOKENS: number;
  readonly MAX_QUERY_CHARACTERS: number;
  readonly MAX_FRAGMENT_SPREADS: number;
  readonly MAX_FRAGMENT_DEPTH: number;
  readonly MAX_VARIABLE_DEPTH: number;
  readonly MAX_COST: number;
  readonly MAX_PAGE_SIZE: number;
  readonly MAX_BATCH_SIZE: number;
  readonly MAX_BODY_BYTES: number;
}

export type LimitName = keyof QueryLimits;

/** Limits per client address over a window; 0 switches one off. Named in refusals by their variables. */
export interface RateLimits {
  readonly RATE_LIMIT_REQUESTS: number;
  readonly RATE_LIMIT_COST: number;
  readonly RATE_LIMIT_WINDOW_MS: number;
  /** Redis where every gateway instance keeps the counts; each process counts alone without it. */
  readonly redisUrl?: string | undefined;
  readonly redisPrefix: string;
}

/** The response cache and the HTTP caching headers (README "Caching"). */
export interface CacheSettings {
  readonly enabled: boolean;
  readonly maxBytes: number;
  /** Set: answers are kept in Redis, shared by every gateway instance; unset: in this process. */
  readonly redisUrl?: string | undefined;
  readonly redisPrefix: string;
  readonly catalogueMaxAgeSeconds: number;
  readonly maxAgeLimitSeconds: number;
  readonly staleWhileRevalidateSeconds: number;
}

/** Persisted queries: the allow-list mode (APQ itself is always on). */
export interface PersistedQuerySettings {
  readonly only: boolean;
  readonly manifestPath?: string | undefined;
}

/** How the gateway serves: limits, exposure and timeouts. */
export interface GatewaySettings {
  readonly limits: QueryLimits;
  readonly rateLimits: RateLimits;
  /** Express's "trust proxy": which hops of X-Forwarded-For name the client (false: none, the socket's address does). */
  readonly trustProxy: false | number | readonly string[];
  readonly allowBatchedRequests: boolean;
  /** "*" for any origin, or the origins browsers may call from. */
  readonly corsOrigins: "*" | readonly string[];
  readonly introspection: boolean;
  readonly sandbox: boolean;
  /** Stack traces in error responses. */
  readonly debugErrors: boolean;
  readonly subgraphTimeoutMs: number;
  /** How long a request may take to arrive whole (headers and body). */
  readonly requestTimeoutMs: number;
  /** Identical subgraph fetches in flight at once share one. */
  readonly shareSubgraphFetches: boolean;
  readonly shutdownGraceMs: number;
  /** STATEMENT_TIMEOUT_MS, named in QUERY_TIMEOUT errors (the store enforces it). */
  readonly statementTimeoutMs: number;
  /** Longest string in any argument. */
  readonly maxFilterLength: number;
  readonly cache: CacheSettings;
  readonly persistedQueries: PersistedQuerySettings;
}

export function gatewaySettings(environment: GatewayEnvironment): GatewaySettings {
  return {
    limits: {
      MAX_DEPTH: environment.MAX_DEPTH,
      MAX_ALIASES: environment.MAX_ALIASES,
      MAX_ROOT_FIELDS: environment.MAX_ROOT_FIELDS,
      MAX_DIRECTIVES: environment.MAX_DIRECTIVES,
      MAX_TOKENS: environment.MAX_TOKENS,
      MAX_QUERY_CHARACTERS: environment.MAX_QUERY_CHARACTERS,
      MAX_FRAGMENT_SPREADS: environment.MAX_FRAGMENT_SPREADS,
      MAX_FRAGMENT_DEPTH: environment.MAX_FRAGMENT_DEPTH,
      MAX_VARIABLE_DEPTH: environment.MAX_VARIABLE_DEPTH,
      MAX_COST: environment.MAX_COST,
      MAX_PAGE_SIZE: environment.MAX_PAGE_SIZE,
      MAX_BATCH_SIZE: environment.MAX_BATCH_SIZE,
      MAX_BODY_BYTES: environment.MAX_BODY_BYTES,
    },
    rateLimits: {
      RATE_LIMIT_REQUESTS: environment.RATE_LIMIT_REQUESTS,
      RATE_LIMIT_COST: environment.RATE_LIMIT_COST,
      RATE_LIMIT_WINDOW_MS: environment.RATE_LIMIT_WINDOW_MS,
      redisUrl: environment.REDIS_URL,
      redisPrefix: environment.RATE_LIMIT_REDIS_PREFIX,
    },
    trustProxy: environment.TRUST_PROXY,
    allowBatchedRequests: environment.ALLOW_BATCHED_REQUESTS,
    corsOrigins: environment.CORS_ORIGINS,
    introspection: environment.INTROSPECTION,
    sandbox: environment.SANDBOX,
    debugErrors: environment.DEBUG_ERRORS,
    subgraphTimeoutMs: environment.SUBGRAPH_TIMEOUT_MS,
    requestTimeoutMs: environment.REQUEST_TIMEOUT_MS,
    shareSubgraphFetches: environment.SHARE_SUBGRAPH_FETCHES,
    shutdownGraceMs: environment.SHUTDOWN_GRACE_MS,
    statementTimeoutMs: environment.STATEMENT_TIMEOUT_MS,
    maxFilterLength: environment.MAX_FILTER_LENGTH,
    cache: {
      enabled: environment.RESPONSE_CACHE,
      maxBytes: environment.RESPONSE_CACHE_MAX_BYTES,
      redisUrl: environment.RESPONSE_CACHE_STORE === "redis" ? environment.REDIS_URL : undefined,
      redisPrefix: environment.RESPONSE_CACHE_REDIS_PREFIX,
      catalogueMaxAgeSeconds: environment.CACHE_CATALOGUE_MAX_AGE_SECONDS,
      maxAgeLimitSeconds: environment.CACHE_MAX_AGE_LIMIT_SECONDS,
      staleWhileRevalidateSeconds: environment.CACHE_STALE_WHILE_REVALIDATE_SECONDS,
    },
    persistedQueries: { only: environment.PERSISTED_QUERIES_ONLY, manifestPath: environment.PERSISTED_QUERIES_MANIFEST },
  };
}

/** Every setting at its default: what an environment that sets nothing gives. */
export const defaultGatewaySettings: GatewaySettings = gatewaySettings(readGatewayEnvironment({}));
