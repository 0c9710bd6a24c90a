import type { Subgraph } from "@hkhealth/subgraph-kit";
import { buildDepartmentOfHealthSubgraph } from "@hkhealth/subgraph-dh";
import { buildHospitalAuthoritySubgraph } from "@hkhealth/subgraph-ha";
import { buildHealthBureauSubgraph } from "@hkhealth/subgraph-hb";
import { buildPlanSubgraph } from "@hkhealth/subgraph-plan";
import { buildRecordsSubgraph } from "@hkhealth/subgraph-records";

/** Every subgraph of the supergraph by name, in composition order. */
export const subgraphBuilders: Readonly<Record<string, () => Promise<Subgraph>>> = {
  plan: buildPlanSubgraph,
  records: buildRecordsSubgraph,
  "health-bureau": buildHealthBureauSubgraph,
  "hospital-authority": buildHospitalAuthoritySubgraph,
  "department-of-health": buildDepartmentOfHealthSubgraph,
};

export function buildAllSubgraphs(): Promise<Subgraph[]> {
  return Promise.all(Object.values(subgraphBuilders).map((build) => build()));
}
