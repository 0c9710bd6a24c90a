import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { DatasetReadsCollector } from "../cache/collect-dataset-reads.js";
import { InProcessSubgraph } from "./in-process-subgraph.js";
import type { Metrics } from "../observability/metrics.js";
import { RemoteSubgraph } from "./remote-subgraph.js";
import { SharedFetches, type SubgraphResponse } from "./shared-fetches.js";
import { TracedDataSource } from "./subgraph-fetch-spans.js";

export interface DataSourceOptions {
  /** Subgraphs served elsewhere, by name; the others run in this process. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Identical fetches in flight at once share one (SHARE_SUBGRAPH_FETCHES). */
  readonly shareFetches: boolean;
  readonly metrics: Metrics;
}

/** Times every fetch to a subgraph, by subgraph and outcome. */
class TimedDataSource implements GraphQLDataSource {
  constructor(
    private readonly name: string,
    private readonly source: GraphQLDataSource,
    private readonly metrics: Metrics,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
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

export interface SubgraphDataSource {
  readonly source: GraphQLDataSource;
  /** Releases what the source holds open (the connections of a remote subgraph). */
  close(): Promise<void>;
}

/** The data source of each subgraph: over HTTP when it has a URL, in-process otherwise. */
export function dataSourceFor(subgraph: Subgraph, options: DataSourceOptions): SubgraphDataSource {
  const url = options.subgraphUrls[subgraph.name];
  const remote = url ? new RemoteSubgraph(subgraph.name, url, options.timeoutMs) : undefined;
  const direct = remote ?? new InProcessSubgraph(subgraph.schema);
  const shared = options.shareFetches
    ? new SharedFetches(direct, () => options.metrics.subgraphFetchesShared.inc({ subgraph: subgraph.name }))
    : direct;
  const traced = new TracedDataSource(subgraph.name, shared);
  const collected = new DatasetReadsCollector(traced);
  return { source: new TimedDataSource(subgraph.name, collected, options.metrics), close: async () => remote?.close() };
}
