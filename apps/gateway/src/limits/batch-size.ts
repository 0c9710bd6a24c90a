import type { RequestHandler } from "express";
import { limitExceeded } from "./limit-error.js";
import { refuse } from "../http/refuse.js";
import type { QueryLimits } from "../settings.js";

/** With batching on, refuses a batch of more than MAX_BATCH_SIZE operations. */
export function refuseOversizedBatches(limits: Pick<QueryLimits, "MAX_BATCH_SIZE">): RequestHandler {
  return (request, response, next) => {
    if (Array.isArray(request.body) && request.body.length > limits.MAX_BATCH_SIZE) {
      const message = `Batch size limit of ${limits.MAX_BATCH_SIZE} exceeded, found ${request.body.length}.`;
      refuse(request, response, 400, limitExceeded("MAX_BATCH_SIZE", limits.MAX_BATCH_SIZE, message, request.body.length));
      return;
    }
    next();
  };
}
