import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

/** The repository root, where the default PGlite data folder lives. */
const repositoryRoot = resolve(import.meta.dirname, "../../..");

const port = z.coerce.number().int().min(0).max(65_535);

/** A whole number within bounds, with a default. */
function count(defaultValue: number, min: number, max: number) {
  return z.coerce.number().int().min(min).max(max).default(defaultValue);
}

/** An on/off switch: true/false, 1/0, yes/no or on/off. */
const onOff = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { message: "must be true or false" })
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

function flag(defaultValue: boolean) {
  return onOff.default(defaultValue);
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** "*" (any origin: a public read-only API) or a comma-separated list of origins. */
const corsOrigins = z
  .string()
  .transform((value, context): "*" | string[] => {
    if (value.trim() === "*") return "*";
    const origins = value.split(",").map((origin) => origin.trim()).filter(Boolean);
    for (const origin of origins) {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
        context.addIssue({ code: "custom", message: `"${origin}" is not an origin like https://example.org` });
      }
    }
    return origins;
  })
  .default("*");

/** "plan=http://127.0.0.1:4001/graphql,records=http://…": subgraphs served elsewhere, by name. */
const subgraphUrls = z
  .string()
  .transform((value, context) => {
    const urls: Record<string, string> = {};
    for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
      const separator = entry.indexOf("=");
      const name = entry.slice(0, separator).trim();
      const url = entry.slice(separator + 1).trim();
      if (separator < 1 || !name || !/^https?:\/\//.test(url) || !URL.canParse(url)) {
        context.addIssue({ code: "custom", message: `"${entry}" is not name=http(s)://host:port/path` });
      } else {
        urls[name] = url;
      }
    }
    return urls;
  })
  .default({});

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

const environmentSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** A PostgreSQL server; without it the gateway runs on embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** PGlite's data folder (ignored with DATABASE_URL). */
  PGLITE_DATA_DIR: z.string().min(1).default(resolve(repositoryRoot, ".data/pglite")),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long opening the database waits for another process's migration before giving up. */
  MIGRATION_WAIT_MS: count(300_000, 0, 3_600_000),

  /** pino level; the default is "silent" under a test runner (NODE_ENV=test), "info" otherwise. */
  LOG_LEVEL: z.enum(logLevels).optional(),
  /** Stack traces in GraphQL error responses: for debugging only. */
  DEBUG_ERRORS: flag(false),
  INTROSPECTION: flag(true),
  /** Apollo Sandbox on GET /graphql from a browser. */
  SANDBOX: flag(true),
  CORS_ORIGINS: corsOrigins,

  // Limits on what one request may ask for (see the README's "Running in production").
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
  MAX_BODY_BYTES: count(100_000, 1_000, 50_000_000),
  ALLOW_BATCHED_REQUESTS: flag(false),
  MAX_BATCH_SIZE: count(10, 1, 1_000),
  /** How long a request (headers and body) may take to arrive whole; then 408 and the connection closed. */
  REQUEST_TIMEOUT_MS: count(30_000, 100, 600_000),

  /** Subgraphs run as their own services; the others run inside the gateway. */
  SUBGRAPH_URLS: subgraphUrls,
  SUBGRAPH_TIMEOUT_MS: count(10_000, 10, 600_000),
  /** Identical subgraph fetches in flight at once share one answer (the graph is public and read-only). */
  SHARE_SUBGRAPH_FETCHES: flag(true),
  /** Port of `pnpm start:subgraph <name>`; by default the subgraph's own (4001-4005). */
  SUBGRAPH_PORT: port.optional(),
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  SHUTDOWN_GRACE_MS: count(10_000, 0, 600_000),
  /** Longest one SQL statement of the graph may run (PostgreSQL's statement_timeout; 0: none). Not for ingest. */
  STATEMENT_TIMEOUT_MS: count(5_000, 0, 3_600_000),
  /** Longest string in any argument (filter text, ids, field names, cursors); at least 100 so cursors fit. */
  MAX_FILTER_LENGTH: count(200, 100, 100_000),

  /** An OTLP/HTTP collector (traces go to <endpoint>/v1/traces); without it no tracing SDK starts. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), "must be an http(s):// URL such as http://collector:4318")
    .optional(),
  /** The service name on every span; by default hkhealth-gateway, or hkhealth-subgraph-<name>. */
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(200).optional(),
  // Limits per client address over a window (see the README's "Rate limits"); 0 switches one off.
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

  // Limits on one file the ingest reads (see the README's "Refused files").
  /** Characters of one record (a CSV line, an XLSX row, a JSON or XML record, as stored). */
  INGEST_MAX_RECORD_CHARACTERS: count(1_000_000, 1_000, 100_000_000),
  /** Bytes of a JSON or XML file, which are read whole. */
  INGEST_MAX_DOCUMENT_BYTES: count(16_000_000, 1_000, 2_000_000_000),
  /** Nesting of objects, arrays or elements in a JSON or XML file. */
  INGEST_MAX_NESTING: count(32, 2, 1_000),

  /** Where every source is fetched from instead (a mirror, a test server): see @hkhealth/sync's mirroredUrl. */
  SOURCES_MIRROR: z
    .string()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), "must be an http(s):// URL such as http://127.0.0.1:8080")
    .optional(),
  /** Requests per second `pnpm backfill` sends to the DATA.GOV.HK archive (fractions allowed: 0.5 is one every 2 s). */
  BACKFILL_RATE: z.coerce.number().positive().max(1_000).default(2),
  // The sync (see the README's "Sync").
  /** Run the scheduler beside the gateway (`pnpm start`); the default is off under a test runner (NODE_ENV=test). */
  SYNC: onOff.optional(),
  /** Distributions checked at once, by the scheduler and by `pnpm sync`. */
  SYNC_CONCURRENCY: count(4, 1, 64),
  /** How often the scheduler looks for distributions due. */
  SYNC_TICK_MS: count(15_000, 100, 3_600_000),
  /** Longest one fetch of a source may take, headers to last byte. */
  SYNC_TIMEOUT_MS: count(60_000, 100, 3_600_000),
}).refine((environment) => environment.RATE_LIMIT_COST === 0 || environment.RATE_LIMIT_COST >= environment.MAX_COST, {
  // Otherwise an operation MAX_COST allows could never fit in the budget, however long it waited.
  path: ["RATE_LIMIT_COST"],
  message: "must be 0 (off) or at least MAX_COST",
});

type ParsedEnvironment = z.infer<typeof environmentSchema>;
export type LogLevel = (typeof logLevels)[number];
export type Environment = Omit<ParsedEnvironment, "LOG_LEVEL" | "SYNC"> & { readonly LOG_LEVEL: LogLevel; readonly SYNC: boolean };

/** Reads and validates the environment once; every setting the gateway, subgraphs and CLI use is here. */
export function readEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  // Tests (vitest sets NODE_ENV=test) stay quiet unless they ask for logs.
  const quiet = source.NODE_ENV === "test";
  // Nor does a gateway a test starts fetch the agencies' files unless it asks (SYNC=true).
  return { ...parsed.data, LOG_LEVEL: parsed.data.LOG_LEVEL ?? (quiet ? "silent" : "info"), SYNC: parsed.data.SYNC ?? !quiet };
}

/** The store settings of an environment, as `createStore` takes them. */
export function storeOptions(environment: Environment) {
  return {
    databaseUrl: environment.DATABASE_URL,
    dataDir: environment.PGLITE_DATA_DIR,
    poolSize: environment.DATABASE_POOL_SIZE,
    migrationWaitMs: environment.MIGRATION_WAIT_MS,
  };
}

/** The store settings of the graph (gateway, subgraph services): statements bounded by STATEMENT_TIMEOUT_MS. */
export function graphStoreOptions(environment: Environment) {
  return { ...storeOptions(environment), statementTimeoutMs: environment.STATEMENT_TIMEOUT_MS || undefined };
}
