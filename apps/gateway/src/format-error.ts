import type { GraphQLFormattedError } from "graphql";
import { DATABASE_UNAVAILABLE, databaseUnavailableMessage, isDatabaseUnavailable } from "./database-errors.js";
import { LIMIT_EXCEEDED } from "./limit-error.js";

export interface ErrorFormatOptions {
  /** The database this server's resolvers use (store.target), when it has one. */
  readonly databaseTarget?: string | undefined;
  /** Keep stack traces (DEBUG_ERRORS). */
  readonly debug: boolean;
}

/** An error Apollo answers with a 4xx status (set in its extensions' `http`). */
function isClientStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Apollo's formatError for the gateway and for each subgraph service: a lost database becomes
 * one DATABASE_UNAVAILABLE error naming it; a limit refused at validation keeps its own code;
 * stack traces (a subgraph's included) go unless debugging.
 */
export function createErrorFormatter(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (options.databaseTarget && isDatabaseUnavailable(error)) {
      return {
        message: databaseUnavailableMessage(options.databaseTarget),
        ...(formatted.locations && { locations: formatted.locations }),
        ...(formatted.path && { path: formatted.path }),
        extensions: { code: DATABASE_UNAVAILABLE, ...(options.debug && { stacktrace: formatted.extensions?.stacktrace }) },
      };
    }
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    // Apollo gives every validation error its own code; a limit's is more useful to a client.
    if (typeof extensions.limit === "string") extensions.code = LIMIT_EXCEEDED;
    // Apollo refuses some requests with a 4xx and no code, which would read as our own fault.
    if (extensions.code === "INTERNAL_SERVER_ERROR" && isClientStatus(error)) extensions.code = "BAD_REQUEST";
    if (!options.debug) {
      delete extensions.stacktrace;
      delete extensions.exception;
    }
    return { ...formatted, extensions };
  };
}
