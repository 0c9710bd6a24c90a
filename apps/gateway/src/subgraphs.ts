import type { Subgraph } from "@hkhealth/subgraph-kit";
import { buildDepartmentOfHealthSubgraph } from "@hkhealth/subgraph-dh";
import { buildHospitalAuthoritySubgraph } from "@hkhealth/subgraph-ha";
import { buildHealthBureauSubgraph } from "@hkhealth/subgraph-hb";
import { buildPlanSubgraph } from "@hkhealth/subgraph-plan";
import { buildRecordsSubgraph } from "@hkhealth/subgraph-records";

/** Every subgraph of the supergraph, in composition order. */
export const subgraphBuilders: ReadonlyArray<() => Promise<Subgraph>> = [
  buildPlanSubgraph,
  buildRecordsSubgraph,
  buildHealthBureauSubgraph,
  buildHospitalAuthoritySubgraph,
  buildDepartmentOfHealthSubgraph,
];

export function buildAllSubgraphs(): Promise<Subgraph[]> {
  return Promise.all(subgraphBuilders.map((build) => build()));
}
