import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ALL_DATASETS_READ } from "@hkhealth/store";
import { DATASETS_READ_EXTENSION } from "@hkhealth/subgraph-kit";
import type { SubgraphResponse } from "../subgraphs/shared-fetches.js";

/** What a request's context carries for the response cache: the datasets its subgraph fetches read. */
export interface DatasetReadsContext {
  readonly datasetReads?: Set<string>;
}

/**
 * Adds the datasets each subgraph fetch read (its `extensions.datasetsRead`, from an in-process
 * or a remote subgraph alike) to its request's `datasetReads`. A subgraph that does not report
 * them (an older service) counts as having read everything, so its answers are never kept stale.
 */
export class DatasetReadsCollector implements GraphQLDataSource {
  constructor(private readonly source: GraphQLDataSource) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const response = await this.source.process(options);
    const reads = (options.context as DatasetReadsContext | undefined)?.datasetReads;
    if (reads) {
      const reported: unknown = response.extensions?.[DATASETS_READ_EXTENSION];
      if (Array.isArray(reported)) for (const read of reported) reads.add(String(read));
      else reads.add(ALL_DATASETS_READ);
    }
    return response;
  }
}
