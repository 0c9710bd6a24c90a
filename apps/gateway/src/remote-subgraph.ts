import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import { REQUEST_ID_HEADER } from "./request-id.js";

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
export const SUBGRAPH_TIMEOUT = "SUBGRAPH_TIMEOUT";

type Fetcher = RemoteGraphQLDataSource["fetcher"];

/** A pooled connection the subgraph closed as the request went out on it: nothing was processed. */
function isStaleConnection(error: unknown): boolean {
  const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE";
}

/**
 * Node's fetch, given up on after `timeoutMs`. A fetch that met a stale keep-alive connection
 * is sent once more, within the same time: the graph is read-only, so a retry is always safe.
 */
function fetchWithin(timeoutMs: number): Fetcher {
  return async (url, init) => {
    const request = { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit;
    try {
      return await fetch(url, request);
    } catch (error) {
      if (!isStaleConnection(error) || request.signal?.aborted) throw error;
      return await fetch(url, request);
    }
  };
}

/** Why a fetch failed, in a few words: "ECONNREFUSED", "HTTP 503", or the error's message. */
function reasonOf(error: Error): string {
  const status = (error as GraphQLError).extensions?.response as { status?: number } | undefined;
  if (status?.status) return `HTTP ${status.status}`;
  const cause = error.cause as NodeJS.ErrnoException | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}

/**
 * A subgraph served on its own (distributed mode), over HTTP. Each fetch carries the request's
 * id and is given up on after the timeout; a subgraph that is down, slow or failing becomes an
 * error naming it, for its part of the answer only: the gateway answers the rest, and the next
 * request tries the subgraph again, so it comes back without a restart.
 */
export class RemoteSubgraph extends RemoteGraphQLDataSource {
  constructor(
    readonly name: string,
    url: string,
    readonly timeoutMs: number,
  ) {
    super({ url, fetcher: fetchWithin(timeoutMs) });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    // Health checks and schema loads have no incoming request (the enum of kinds is not exported).
    if (!("incomingRequestContext" in options)) return;
    const requestId = options.incomingRequestContext.request.http?.headers.get(REQUEST_ID_HEADER);
    if (requestId) options.request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  override didEncounterError(error: Error): void {
    const timedOut = error.name === "TimeoutError" || error.name === "AbortError";
    throw new GraphQLError(
      timedOut
        ? `Subgraph "${this.name}" did not answer within ${this.timeoutMs} ms.`
        : `Subgraph "${this.name}" is unavailable (${reasonOf(error)}).`,
      { extensions: { code: timedOut ? SUBGRAPH_TIMEOUT : SUBGRAPH_UNAVAILABLE, serviceName: this.name } },
    );
  }
}
