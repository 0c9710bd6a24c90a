import { SYNTHETIC_WIDE } from "../synthetic/datasets.js";
import { districts } from "../synthetic/wide.js";

/** The record page of the mixed workload: the same document, many variable sets. */
export const mixedQuery = `query MixedRecordPage($id: ID!, $first: Int, $filter: [FieldFilterInput!], $orderBy: [FieldOrderInput!]) {
  dataset(id: $id) {
    id
    records(first: $first, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id observedAt fields } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const minimumWaits = [0, 30, 60, 90, 120, 180, 240] as const;
const pageSizes = [5, 10, 20, 50] as const;

/**
 * `count` distinct variable sets of the wide dataset's record page (district, minimum wait,
 * page size; newest first), in a fixed order: rank 0 is the most asked for under Zipf.
 */
export function mixedVariableSets(count: number): Record<string, unknown>[] {
  const sets: Record<string, unknown>[] = [];
  for (const first of pageSizes) {
    for (const gte of minimumWaits) {
      for (const district of districts) {
        sets.push({
          id: SYNTHETIC_WIDE,
          first,
          filter: [{ field: "district", eq: district }, { field: "waitMinutes", gte }],
          orderBy: [{ field: "admittedAt", direction: "DESC" }],
        });
      }
    }
  }
  if (count > sets.length) throw new Error(`mixedVariableSets: at most ${sets.length} distinct sets, asked for ${count}`);
  return sets.slice(0, count);
}
