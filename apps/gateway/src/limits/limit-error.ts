import { GraphQLError } from "graphql";
import type { LimitName } from "../settings.js";

export const LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";

/**
 * A request refused for going past one of the gateway's limits. The message and extensions
 * name the limit (by its environment variable) and its value, so a client knows what to change.
 */
export function limitExceeded(limit: LimitName, max: number, message: string, found?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: LIMIT_EXCEEDED, limit, max, ...(found !== undefined && { found }), http: { status: 400 } },
  });
}
