import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { DepartmentOfHealthProfile, departmentOfHealthProfile } from "./profile.js";

export const DEPARTMENT_OF_HEALTH_SUBGRAPH = "department-of-health";

/** The Department of Health's subgraph. */
export function buildDepartmentOfHealthSubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.DH,
    name: DEPARTMENT_OF_HEALTH_SUBGRAPH,
    rootField: "departmentOfHealth",
    profileType: DepartmentOfHealthProfile,
    profile: departmentOfHealthProfile,
  });
}

export { DepartmentOfHealthProfile, departmentOfHealthProfile } from "./profile.js";
