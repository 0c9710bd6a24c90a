import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { HealthBureauProfile, healthBureauProfile } from "./profile.js";

export const HEALTH_BUREAU_SUBGRAPH = "health-bureau";

/** The Health Bureau's subgraph. */
export function buildHealthBureauSubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.HB,
    name: HEALTH_BUREAU_SUBGRAPH,
    rootField: "healthBureau",
    profileType: HealthBureauProfile,
    profile: healthBureauProfile,
  });
}

export { HealthBureauProfile, healthBureauProfile } from "./profile.js";
