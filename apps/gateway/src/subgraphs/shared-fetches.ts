import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { currentQuerySignal, withQuerySignal } from "@hkhealth/store";

export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/**
 * Identical subgraph fetches in flight at once share one: the first goes to the subgraph, the
 * others wait for its answer. Identical means the same document, operation and variables; the
 * graph is public and read-only, so nothing about the caller (headers, user) changes the answer.
 * Each caller gets its own copy of the data, because the gateway merges later fetches into it.
 */
export class SharedFetches implements GraphQLDataSource {
  private readonly inFlight = new Map<string, { response: Promise<SubgraphResponse>; waiters: SharedSignal }>();

  constructor(
    private readonly source: GraphQLDataSource,
    /** Called for each fetch answered by another's (for metrics). */
    private readonly onShared: () => void = () => {},
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { query, operationName, variables } = options.request;
    const key = JSON.stringify([query, operationName ?? null, variables ?? null]);
    let fetch = this.inFlight.get(key);
    if (fetch) {
      this.onShared();
      fetch.waiters.join(currentQuerySignal());
    } else {
      const waiters = new SharedSignal(currentQuerySignal());
      const response = withQuerySignal(waiters.signal, () => this.source.process(options)).finally(() => this.inFlight.delete(key));
      fetch = { response, waiters };
      this.inFlight.set(key, fetch);
    }
    return copyOf(await fetch.response);
  }
}

/**
 * The signal of a fetch several requests wait for: it aborts (cancelling the fetch's SQL, or its
 * HTTP request to a subgraph service) only once every one of them has been closed by its client.
 */
class SharedSignal {
  private readonly controller = new AbortController();
  private waiting = 0;

  constructor(first: AbortSignal | undefined) {
    this.join(first);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Adds a request; one without a signal (no client to lose) keeps the fetch going. */
  join(signal: AbortSignal | undefined): void {
    this.waiting++;
    if (!signal) return;
    if (signal.aborted) this.leave();
    else signal.addEventListener("abort", () => this.leave(), { once: true });
  }

  private leave(): void {
    if (--this.waiting === 0) this.controller.abort();
  }
}

/** A copy whose data no other request holds; errors are only read, so they are shared. */
function copyOf(response: SubgraphResponse): SubgraphResponse {
  return {
    ...response,
    ...(response.data && { data: structuredClone(response.data) }),
    ...(response.errors && { errors: [...response.errors] }),
  };
}
