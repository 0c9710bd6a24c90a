import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";

export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/**
 * Identical subgraph fetches in flight at once share one: the first goes to the subgraph, the
 * others wait for its answer. Identical means the same document, operation and variables; the
 * graph is public and read-only, so nothing about the caller (headers, user) changes the answer.
 * Each caller gets its own copy of the data, because the gateway merges later fetches into it.
 */
export class SharedFetches implements GraphQLDataSource {
  private readonly inFlight = new Map<string, Promise<SubgraphResponse>>();

  constructor(
    private readonly source: GraphQLDataSource,
    /** Called for each fetch answered by another's (for metrics). */
    private readonly onShared: () => void = () => {},
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { query, operationName, variables } = options.request;
    const key = JSON.stringify([query, operationName ?? null, variables ?? null]);
    let response = this.inFlight.get(key);
    if (response) {
      this.onShared();
    } else {
      response = this.source.process(options).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, response);
    }
    return copyOf(await response);
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
