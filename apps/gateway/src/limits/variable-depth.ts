import type { RequestHandler } from "express";
import { limitExceeded } from "./limit-error.js";
import { refuse } from "../http/refuse.js";
import { requestedOperations } from "../http/request-operations.js";
import type { QueryLimits } from "../settings.js";

/** Nesting of objects and arrays in a JSON value, counting no further than `stop` (so a 10,000-deep value costs `stop` steps). */
export function jsonDepth(value: unknown, stop: number): number {
  if (value === null || typeof value !== "object" || stop <= 0) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, jsonDepth(child, stop - 1));
    if (deepest >= stop - 1) break;
  }
  return 1 + deepest;
}

/**
 * Refuses `variables` or `extensions` nested deeper than MAX_VARIABLE_DEPTH before anything
 * walks them (coercing variables, planning, forwarding to a subgraph): a deep enough value
 * overflows the stack of whatever recurses into it.
 */
export function refuseDeepVariables(limits: Pick<QueryLimits, "MAX_VARIABLE_DEPTH">): RequestHandler {
  const max = limits.MAX_VARIABLE_DEPTH;
  return (request, response, next) => {
    for (const operation of requestedOperations(request)) {
      for (const part of ["variables", "extensions"] as const) {
        const depth = jsonDepth(operation[part], max + 1);
        if (depth > max) {
          const message = `Variable depth limit of ${max} exceeded: \`${part}\` is nested deeper than ${max} objects or arrays.`;
          refuse(request, response, 400, limitExceeded("MAX_VARIABLE_DEPTH", max, message));
          return;
        }
      }
    }
    next();
  };
}
