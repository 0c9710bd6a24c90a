import type { Request } from "express";

/** One GraphQL request as sent: nothing in it is checked yet. */
export interface RequestedOperation {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly extensions?: unknown;
}

/** A GET's JSON search parameter, parsed; one that does not parse is left for Apollo to refuse. */
export function parsedParameter(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The operations of a request to /graphql: a POST body (each, in a batch) or a GET's search parameters. */
export function requestedOperations(request: Request): RequestedOperation[] {
  if (request.method === "GET") {
    const search = request.query as Record<string, unknown>;
    return [{ query: search.query, variables: parsedParameter(search.variables), extensions: parsedParameter(search.extensions) }];
  }
  const body: unknown = request.body;
  const entries: unknown[] = Array.isArray(body) ? body : [body];
  return entries.filter((entry): entry is RequestedOperation => !!entry && typeof entry === "object");
}
