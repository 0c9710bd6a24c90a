import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { limitExceeded } from "./limit-error.js";
import { estimateCost } from "./query-cost.js";
import type { SpendCost } from "../rate-limits/rate-limits.js";
import type { QueryLimits } from "../settings.js";

/**
 * Refuses an operation whose page sizes or estimated cost go past the limits. It runs once the
 * operation is known, with its variables (validation rules run before variables are seen, and
 * are cached per document), so `first: $first` is judged by the value sent. The same estimate is
 * then spent on the client's budget (RATE_LIMIT_COST), when there is one.
 */
export function costLimitPlugin(limits: Pick<QueryLimits, "MAX_COST" | "MAX_PAGE_SIZE">, spendCost?: SpendCost): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const { cost, largestPage } = estimateCost(schema, document, operation, request.variables ?? {});
          if (largestPage && largestPage.size > limits.MAX_PAGE_SIZE) {
            throw limitExceeded(
              "MAX_PAGE_SIZE",
              limits.MAX_PAGE_SIZE,
              `Page size limit of ${limits.MAX_PAGE_SIZE} exceeded, found first: ${largestPage.size} on ${largestPage.field}.`,
              largestPage.size,
            );
          }
          if (cost > limits.MAX_COST) {
            throw limitExceeded(
              "MAX_COST",
              limits.MAX_COST,
              `Query cost limit of ${limits.MAX_COST} exceeded, found ${cost} (values the response may hold).`,
              cost,
            );
          }
          await spendCost?.(cost, contextValue);
        },
      };
    },
  };
}
