import { typedViewTypeName } from "@hkhealth/plan";
import type { ReferenceResolver } from "@hkhealth/subgraph-kit";

/** A typed view: the key the gateway sends, and nothing else until a field asks. */
export interface ViewReference {
  readonly datasetId: string;
}

/** The datasets whose `Dataset.view` is `typeName`, per the plan's table of typed views. */
export function datasetsOfView(typeName: string): string[] {
  return Object.entries(typedViewTypeName)
    .filter(([, name]) => name === typeName)
    .map(([datasetId]) => datasetId);
}

/**
 * `__resolveReference` of a view type. It needs no lookup: the key is the whole view, and its
 * fields load their records (batched) when asked. A dataset that does not have this view is null.
 */
export function viewReferenceResolver(typeName: string): ReferenceResolver {
  return (reference): ViewReference | null => {
    const datasetId = String(reference.datasetId);
    return typedViewTypeName[datasetId] === typeName ? { datasetId } : null;
  };
}
