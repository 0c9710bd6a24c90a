import { typedViewTypeName } from "@hkhealth/plan";
import { entityStub } from "@hkhealth/subgraph-kit";
import { createUnionType, ID } from "type-graphql";

const stubs = [...new Set(Object.values(typedViewTypeName))].map((typeName) =>
  entityStub(typeName, "datasetId", () => ID, `Typed view of a dataset, resolved by its agency's subgraph.`),
);

/** A dataset's records as typed objects; each member is served by the publishing agency's subgraph. */
export const DatasetView = createUnionType({
  name: "DatasetView",
  description: "The dataset's records as typed objects (hospitals, waiting times, vaccination doses...), from its agency's subgraph.",
  types: () => stubs,
  resolveType: (view) => typedViewTypeName[(view as { datasetId: string }).datasetId],
});

/** The view reference of a dataset, or null when it has no typed model. */
export function datasetViewOf(datasetId: string): { datasetId: string } | null {
  return typedViewTypeName[datasetId] ? { datasetId } : null;
}
