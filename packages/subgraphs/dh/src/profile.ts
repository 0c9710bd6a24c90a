import { AgencyCode } from "@hkhealth/plan";
import { AgencyProfileBase, agencyProfileTypeName } from "@hkhealth/subgraph-kit";
import { Directive, ObjectType } from "type-graphql";

@ObjectType(agencyProfileTypeName[AgencyCode.DH], { description: "The Department of Health (衞生署) as its subgraph knows it." })
@Directive('@key(fields: "code")')
export class DepartmentOfHealthProfile extends AgencyProfileBase {}

export const departmentOfHealthProfile: DepartmentOfHealthProfile = Object.assign(new DepartmentOfHealthProfile(), {
  code: AgencyCode.DH,
  website: "https://www.dh.gov.hk",
  agency: { code: AgencyCode.DH },
});
