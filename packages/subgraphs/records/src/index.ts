import { buildSubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { DatasetRecordsResolver, RecordsDataset } from "./dataset-records.resolver.js";
import { RecordConnectionResolver, RecordGroupResolver, RecordResolver } from "./record.resolver.js";

export const RECORDS_SUBGRAPH = "records";

/** The records subgraph: extends Dataset with its records, fields and aggregates. */
export function buildRecordsSubgraph(): Promise<Subgraph> {
  return buildSubgraph({
    name: RECORDS_SUBGRAPH,
    resolvers: [DatasetRecordsResolver, RecordResolver, RecordConnectionResolver, RecordGroupResolver],
    // Reached only through the plan subgraph's Dataset, so not from a root field here.
    orphanedTypes: [RecordsDataset],
    // Any id the plan subgraph hands over is a dataset; settings are loaded (batched) when a field needs them.
    referenceResolvers: { Dataset: (reference) => ({ id: String(reference.id) }) },
  });
}
