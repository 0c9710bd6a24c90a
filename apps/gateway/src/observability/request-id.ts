import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Attributes } from "@opentelemetry/api";
import { currentObservation } from "./request-observation.js";

// Every rule about a request's id lives here: the header that carries it, which ids a caller
// may choose, and how it reaches the response, the logs, the spans and the subgraph services.

/** The header that carries a request's id: read from the caller, answered, forwarded to subgraph services. */
export const REQUEST_ID_HEADER = "x-request-id";

/** The attribute naming the request's id on its span. */
export const REQUEST_ID_ATTRIBUTE = "hkhealth.request_id";

/** Ids a client or proxy may choose: short, and safe to log and echo back. */
const acceptableId = /^[\w.:@-]{1,128}$/;

/** The request's id: the caller's x-request-id when it is a sane one, a new UUID otherwise. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === "string" && acceptableId.test(given) ? given : randomUUID();
}

/**
 * Gives an incoming request its id (see `requestIdOf`) and answers it in the response header.
 * The id replaces the request's own header, so what runs later (Apollo's request, its span, the
 * subgraph fetches) reads the id given here, never an unchecked one.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const requestId = requestIdOf(request.headers);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/** The span attributes of a request given its id by `assignRequestId`. */
export function requestIdAttributes(request: IncomingMessage): Attributes {
  return { [REQUEST_ID_ATTRIBUTE]: String(request.headers[REQUEST_ID_HEADER] ?? "") };
}

/** The id of the request being handled, for what logs outside the request's middleware (formatError). */
export function currentRequestId(): string | undefined {
  return currentObservation()?.requestId;
}

/**
 * Puts the incoming request's id on the headers of a fetch to a subgraph service, so its log
 * lines carry the same id. Health checks and schema loads have no incoming request: no header.
 */
export function forwardRequestId(options: GraphQLDataSourceProcessOptions, headers: Record<string, string>): void {
  const requestId = "incomingRequestContext" in options ? options.incomingRequestContext.request.http?.headers.get(REQUEST_ID_HEADER) : undefined;
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
}
