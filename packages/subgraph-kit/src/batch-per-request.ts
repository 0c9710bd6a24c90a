import { withRequestStatements } from "@hkhealth/store";
import type { RequestHandler } from "express";

/**
 * Express middleware, mounted before the GraphQL handler: the request runs as one
 * RequestStatements, so the loaders its context makes (createContext) dispatch their batches
 * together, once none of its statements is in flight. The gateway mounts it, and so does each
 * subgraph service.
 */
export const batchPerRequest: RequestHandler = (_request, _response, next) => {
  withRequestStatements(next);
};
