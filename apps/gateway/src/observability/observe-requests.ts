import type { RequestHandler } from "express";
import { DATABASE_UNAVAILABLE } from "../errors/database-errors.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import { SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE } from "../subgraphs/remote-subgraph.js";
import { assignRequestId } from "./request-id.js";
import type { ObservedError, RequestObservation } from "./request-observation.js";

/** Codes that mean the service, not the client, failed: logged as errors. */
const serverFaults = new Set(["INTERNAL_SERVER_ERROR", DATABASE_UNAVAILABLE, SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT]);

/**
 * Gives each request its id (request-id.ts), and when the response is sent writes one log line
 * and the metrics for each operation it ran, or for its refusal.
 */
export function observeRequests(logger: Logger, metrics: Metrics): RequestHandler {
  return (request, response, next) => {
    const requestId = assignRequestId(request, response);
    const observation: RequestObservation = { requestId, startedAt: process.hrtime.bigint(), operations: [] };
    response.locals.observation = observation;
    response.once("finish", () => record(observation, response.statusCode, logger, metrics));
    logger.debug({ requestId, method: request.method }, "request received");
    next();
  };
}

function record(observation: RequestObservation, status: number, logger: Logger, metrics: Metrics): void {
  const seconds = Number(process.hrtime.bigint() - observation.startedAt) / 1e9;
  const durationMs = Math.round(seconds * 10_000) / 10;
  if (observation.operations.length === 0 && !observation.refusal && status < 400) {
    // No operation and no refusal: the Sandbox page or a CORS preflight.
    logger.debug({ requestId: observation.requestId, status, durationMs }, "http request");
    return;
  }
  const operations = observation.operations.length > 0 ? observation.operations : [{ name: null, errors: refusalErrors(observation, status) }];
  for (const operation of operations) {
    const label = observation.operations.length > 0 ? metrics.operationLabel(operation.name) : "(refused)";
    metrics.requests.inc({ operation: label });
    metrics.requestDuration.observe({ operation: label }, seconds);
    for (const error of operation.errors) metrics.errors.inc({ code: error.code });
    const fault = status >= 500 || operation.errors.some((error) => serverFaults.has(error.code));
    const entry = {
      requestId: observation.requestId,
      operation: operation.name ?? label,
      status,
      durationMs,
      ...(operation.errors.length > 0 && { errors: operation.errors }),
    };
    if (fault) logger.error(entry, "graphql request failed");
    else logger.info(entry, "graphql request");
  }
}

/** A request that ran no operation was refused: by us (noted), or by Apollo (CSRF, batching). */
function refusalErrors(observation: RequestObservation, status: number): ObservedError[] {
  if (observation.refusal) return [observation.refusal];
  if (status < 400) return [];
  return [{ code: status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", message: `refused with HTTP ${status}` }];
}
