import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { RateLimits } from "../settings.js";

export const RATE_LIMITED = "RATE_LIMITED";

export type RateLimitName = "RATE_LIMIT_REQUESTS" | "RATE_LIMIT_COST";

/**
 * A request refused because its client spent a budget of the window: HTTP 429 with Retry-After,
 * and an error naming the limit (by its variable), its value and when to try again.
 */
export function rateLimited(
  limit: RateLimitName,
  limits: Pick<RateLimits, RateLimitName | "RATE_LIMIT_WINDOW_MS">,
  retryAfterSeconds: number,
  spent: string,
): GraphQLError {
  const windowSeconds = Math.ceil(limits.RATE_LIMIT_WINDOW_MS / 1_000);
  const what = limit === "RATE_LIMIT_REQUESTS" ? "requests" : "estimated cost";
  return new GraphQLError(
    `Rate limit of ${limits[limit]} ${what} per ${windowSeconds} s (${limit}) reached for this client: ${spent}; retry after ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: RATE_LIMITED,
        limit,
        max: limits[limit],
        windowSeconds,
        retryAfterSeconds,
        http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
      },
    },
  );
}

/** Whole seconds until a window ends, at least 1 (Retry-After counts in seconds). */
export function secondsUntil(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1_000));
}
