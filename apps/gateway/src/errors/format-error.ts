import { RecordQueryError } from "@hkhealth/store";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { anyCause, DATABASE_UNAVAILABLE, databaseUnavailableMessage, isDatabaseUnavailable } from "./database-errors.js";
import { LIMIT_EXCEEDED } from "../limits/limit-error.js";
import { RATE_LIMITED } from "../rate-limits/rate-limit-error.js";
import type { Logger } from "../observability/logger.js";
import { currentRequestId } from "../observability/request-id.js";
import { isStatementCancelled, isStatementTimeout, QUERY_CANCELLED, QUERY_TIMEOUT, statementTimeoutMessage } from "./statement-errors.js";

export const INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

export interface ErrorFormatOptions {
  /** The database this server's resolvers use (store.target), when it has one. */
  readonly databaseTarget?: string | undefined;
  /** STATEMENT_TIMEOUT_MS, named in the error of a statement that ran past it. */
  readonly statementTimeoutMs?: number | undefined;
  /** Keep stack traces (DEBUG_ERRORS). */
  readonly debug: boolean;
  /** Where an unexpected error is written in full (the client is told only that there was one). */
  readonly logger?: Logger | undefined;
}

/** Codes of errors that name a limit (in `extensions.limit`) and keep their own code. */
const codesNamingALimit = new Set([LIMIT_EXCEEDED, "BAD_USER_INPUT", RATE_LIMITED]);

/** Codes under which an error says nothing chosen for the client: what a resolver threw, unwrapped. */
const uncodedCodes = new Set([undefined, INTERNAL_SERVER_ERROR, "DOWNSTREAM_SERVICE_ERROR"]);

/**
 * What a resolver threw that is not a GraphQL error (a Prisma or PostgreSQL error, a bug), under
 * the GraphQL errors that wrap it (the subgraph's, then the gateway's): its message is for the
 * server's log, never for a client.
 */
function unexpectedCause(formatted: GraphQLFormattedError, error: unknown): unknown {
  if (!uncodedCodes.has(formatted.extensions?.code as string | undefined)) return undefined;
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause instanceof GraphQLError ? undefined : cause;
}

/** An error Apollo answers with a 4xx status (set in its extensions' `http`). */
function isClientStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Apollo's formatError for the gateway and for each subgraph service: a lost database becomes
 * one DATABASE_UNAVAILABLE error naming it, a statement past its timeout QUERY_TIMEOUT, one
 * cancelled for a closed request QUERY_CANCELLED, and anything else a resolver threw a generic
 * INTERNAL_SERVER_ERROR (logged in full here); a limit refused at validation keeps its own
 * code; stack traces (a subgraph's included) go unless debugging.
 */
export function createErrorFormatter(options: ErrorFormatOptions) {
  const replaced = (formatted: GraphQLFormattedError, message: string, code: string): GraphQLFormattedError => ({
    message,
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: {
      code,
      ...(typeof formatted.extensions?.serviceName === "string" && { serviceName: formatted.extensions.serviceName }),
      ...(options.debug && { stacktrace: formatted.extensions?.stacktrace }),
    },
  });
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (options.databaseTarget && isDatabaseUnavailable(error)) {
      return replaced(formatted, databaseUnavailableMessage(options.databaseTarget), DATABASE_UNAVAILABLE);
    }
    if (options.statementTimeoutMs && isStatementTimeout(error)) {
      return replaced(formatted, statementTimeoutMessage(options.statementTimeoutMs), QUERY_TIMEOUT);
    }
    if (isStatementCancelled(error)) {
      return replaced(formatted, "The request was closed before its answer; its queries were cancelled.", QUERY_CANCELLED);
    }
    // The store's words for a query it cannot answer (an unknown field, a value of the wrong type) are for the client.
    if (anyCause(error, (candidate) => candidate instanceof RecordQueryError)) return replaced(formatted, formatted.message, "BAD_USER_INPUT");
    const unexpected = unexpectedCause(formatted, error);
    if (unexpected !== undefined) {
      const requestId = currentRequestId();
      options.logger?.error({ err: unexpected, requestId, path: formatted.path }, "unexpected error in a resolver");
      const reference = requestId ? ` (request ${requestId})` : "";
      return replaced(formatted, `Internal server error${reference}; it has been logged.`, INTERNAL_SERVER_ERROR);
    }
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    // Apollo gives every validation error its own code; a limit's is more useful to a client.
    // (An argument past MAX_FILTER_LENGTH names its limit too, but stays BAD_USER_INPUT; a rate limit stays RATE_LIMITED.)
    if (typeof extensions.limit === "string" && !codesNamingALimit.has(String(extensions.code))) extensions.code = LIMIT_EXCEEDED;
    // Apollo refuses some requests with a 4xx and no code, which would read as our own fault.
    if (extensions.code === "INTERNAL_SERVER_ERROR" && isClientStatus(error)) extensions.code = "BAD_REQUEST";
    if (!options.debug) {
      delete extensions.stacktrace;
      delete extensions.exception;
    }
    return { ...formatted, extensions };
  };
}
