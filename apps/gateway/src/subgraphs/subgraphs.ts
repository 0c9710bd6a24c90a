import type { Subgraph } from "@hkhealth/subgraph-kit";

/**
 * Every subgraph of the supergraph by name, in composition order. Each package is loaded only
 * when its subgraph is built, so a subgraph service (`pnpm start:subgraph`) loads just its own.
 */
export const subgraphBuilders: Readonly<Record<string, () => Promise<Subgraph>>> = {
  plan: async () => (await import("@hkhealth/subgraph-plan")).buildPlanSubgraph(),
  records: async () => (await import("@hkhealth/subgraph-records")).buildRecordsSubgraph(),
  "health-bureau": async () => (await import("@hkhealth/subgraph-hb")).buildHealthBureauSubgraph(),
  "hospital-authority": async () => (await import("@hkhealth/subgraph-ha")).buildHospitalAuthoritySubgraph(),
  "department-of-health": async () => (await import("@hkhealth/subgraph-dh")).buildDepartmentOfHealthSubgraph(),
};

export function buildAllSubgraphs(): Promise<Subgraph[]> {
  return Promise.all(Object.values(subgraphBuilders).map((build) => build()));
}
