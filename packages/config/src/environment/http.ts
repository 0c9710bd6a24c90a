import { z } from "zod";
import { count, flag, port, type DefaultsContext } from "./values.js";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** pino's level: "silent" under a test runner (NODE_ENV=test), "info" otherwise. */
export function logging({ quiet }: DefaultsContext) {
  return { LOG_LEVEL: z.enum(logLevels).default(quiet ? "silent" : "info") };
}

/** How long SIGTERM waits for in-flight work (requests, sync checks) before cutting it. */
export const shutdown = {
  SHUTDOWN_GRACE_MS: count(10_000, 0, 600_000),
};

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

/** What every GraphQL server of ours (the gateway, a subgraph service) reads. */
export const graphqlServer = {
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Stack traces in GraphQL error responses: for debugging only. */
  DEBUG_ERRORS: flag(false),
  INTROSPECTION: flag(true),
  MAX_BODY_BYTES: count(100_000, 1_000, 50_000_000),
  /** Longest string in any argument (filter text, ids, field names, cursors); at least 100 so cursors fit. */
  MAX_FILTER_LENGTH: count(200, 100, 100_000),
};

/** The gateway's public HTTP side. */
export const publicServer = {
  PORT: port.default(4000),
  /** Apollo Sandbox on GET /graphql from a browser. */
  SANDBOX: flag(true),
  CORS_ORIGINS: corsOrigins,
  /** How long a request (headers and body) may take to arrive whole; then 408 and the connection closed. */
  REQUEST_TIMEOUT_MS: count(30_000, 100, 600_000),
};
