import { withQuerySignal } from "@hkhealth/store";
import type { RequestHandler } from "express";

/**
 * Express middleware, mounted after body parsing: when the client closes its request before
 * the answer is written, the SQL that request is running is cancelled (the store's
 * `withQuerySignal`). The gateway mounts it, and so does each subgraph service, whose request
 * the gateway aborts when its own client leaves.
 */
export const cancelQueriesOnClose: RequestHandler = (_request, response, next) => {
  const controller = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  withQuerySignal(controller.signal, next);
};
