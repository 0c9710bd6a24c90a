import { datasetDefinitions } from "../datasets/index.js";

/**
 * The typed view of each dataset that has one: the GraphQL type, owned by the publishing
 * agency's subgraph, that `Dataset.view` returns for it (declared in each dataset's module). The
 * type's key is `datasetId`.
 */
export const typedViewTypeName: Readonly<Record<string, string>> = Object.fromEntries(
  datasetDefinitions.flatMap((definition) => (definition.typedView ? [[definition.id, definition.typedView.typeName]] : [])),
);
