import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { context, propagation } from "@opentelemetry/api";
import { GraphQLError } from "graphql";
import { currentQuerySignal } from "@hkhealth/store";
import { Pool } from "undici";
import { forwardRequestId } from "../observability/request-id.js";
import type { SubgraphResponse } from "./shared-fetches.js";

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
export const SUBGRAPH_TIMEOUT = "SUBGRAPH_TIMEOUT";

/** Connections kept open to each subgraph service (requests beyond them queue in the pool). */
const CONNECTIONS_PER_SUBGRAPH = 32;

/** A pooled connection the subgraph closed as the request went out on it: nothing was processed. */
function isStaleConnection(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE";
}

/** Why a fetch failed, in a few words: "ECONNREFUSED", "HTTP 503", or the error's message. */
function reasonOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code ?? ((error.cause as NodeJS.ErrnoException | undefined)?.code);
  return code ?? error.message;
}

/** A subgraph's answer with a status other than 2xx; its message is the reason given ("HTTP 503"). */
class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * A subgraph served on its own (distributed mode), over HTTP on a keep-alive pool of
 * connections (undici; Node's `fetch` spends a fifth of a busy gateway's CPU in web streams).
 * Each fetch carries the request's id and is given up on after the timeout; a subgraph that is
 * down, slow or failing becomes an error naming it, for its part of the answer only: the
 * gateway answers the rest, and the next request tries the subgraph again, so it comes back
 * without a restart. A fetch that met a stale keep-alive connection is sent once more within the
 * same time: the graph is read-only, so a retry is always safe.
 */
export class RemoteSubgraph implements GraphQLDataSource {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    readonly name: string,
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    const parsed = new URL(url);
    this.pool = new Pool(parsed.origin, { connections: CONNECTIONS_PER_SUBGRAPH, pipelining: 1 });
    this.path = `${parsed.pathname}${parsed.search}`;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { query, operationName, variables, extensions } = options.request;
    const body = JSON.stringify({ query, operationName, variables, extensions });
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    forwardRequestId(options, headers);
    // The fetch's span as W3C traceparent, so the service's spans join this trace (no-op untraced).
    propagation.inject(context.active(), headers);

    const timeout = AbortSignal.timeout(this.timeoutMs);
    // A client that leaves aborts the fetch too, and the service then cancels its SQL.
    const closed = currentQuerySignal();
    const signal = closed ? AbortSignal.any([timeout, closed]) : timeout;
    try {
      return await this.post(body, headers, signal).catch((error: unknown) => {
        if (!isStaleConnection(error) || signal.aborted) throw error;
        return this.post(body, headers, signal);
      });
    } catch (error) {
      throw this.failure(error as Error, timeout.aborted);
    }
  }

  /**
   * Closes the pool's connections (the gateway's stop). By then every request has been answered
   * or cut, so a fetch still waiting belongs to a cut request: it is abandoned, not waited for.
   */
  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async post(body: string, headers: Record<string, string>, signal: AbortSignal): Promise<SubgraphResponse> {
    const response = await this.pool.request({ path: this.path, method: "POST", headers, body, signal });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new HttpStatusError(response.statusCode);
    }
    const answer = (await response.body.json()) as SubgraphResponse;
    if (typeof answer !== "object" || answer === null) throw new Error(`answered ${JSON.stringify(answer)}, not a GraphQL response`);
    return answer;
  }

  private failure(error: Error, timedOut: boolean): GraphQLError {
    return new GraphQLError(
      timedOut ? `Subgraph "${this.name}" did not answer within ${this.timeoutMs} ms.` : `Subgraph "${this.name}" is unavailable (${reasonOf(error)}).`,
      { extensions: { code: timedOut ? SUBGRAPH_TIMEOUT : SUBGRAPH_UNAVAILABLE, serviceName: this.name } },
    );
  }
}
