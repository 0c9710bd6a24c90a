import { LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import type { Metrics } from "./metrics.js";
import { RemoteSubgraph } from "./remote-subgraph.js";

export interface DataSourceOptions {
  /** Subgraphs served elsewhere, by name; the others run in this process. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly metrics: Metrics;
}

/** Times every fetch to a subgraph, by subgraph and outcome. */
class TimedDataSource implements GraphQLDataSource {
  constructor(
    private readonly name: string,
    private readonly source: GraphQLDataSource,
    private readonly metrics: Metrics,
  ) {}

  async process(options: Parameters<GraphQLDataSource["process"]>[0]) {
    const stop = this.metrics.subgraphFetchDuration.startTimer({ subgraph: this.name });
    try {
      const response = await this.source.process(options);
      stop({ outcome: response.errors?.length ? "errors" : "ok" });
      return response;
    } catch (error) {
      stop({ outcome: "failed" });
      throw error;
    }
  }
}

/** The data source of each subgraph: over HTTP when it has a URL, in-process otherwise. */
export function dataSourceFor(subgraph: Subgraph, options: DataSourceOptions): GraphQLDataSource {
  const url = options.subgraphUrls[subgraph.name];
  const source = url ? new RemoteSubgraph(subgraph.name, url, options.timeoutMs) : new LocalGraphQLDataSource(subgraph.schema);
  return new TimedDataSource(subgraph.name, source, options.metrics);
}
