import { typedViewTypeName } from "@hkhealth/plan";

/** The one dataset a view type of this subgraph reads, as the plan's typed-view table assigns it. */
export function datasetOfView(typeName: string): string {
  const ids = Object.entries(typedViewTypeName)
    .filter(([, name]) => name === typeName)
    .map(([id]) => id);
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`View type ${typeName} should read exactly one dataset, the table gives ${ids.length}`);
  return ids[0];
}
