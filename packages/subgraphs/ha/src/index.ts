import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { HospitalAuthorityProfile, hospitalAuthorityProfile } from "./profile.js";

export const HOSPITAL_AUTHORITY_SUBGRAPH = "hospital-authority";

/** The Hospital Authority's subgraph. */
export function buildHospitalAuthoritySubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.HA,
    name: HOSPITAL_AUTHORITY_SUBGRAPH,
    rootField: "hospitalAuthority",
    profileType: HospitalAuthorityProfile,
    profile: hospitalAuthorityProfile,
  });
}

export { HospitalAuthorityProfile, HospitalCluster, hospitalAuthorityProfile } from "./profile.js";
