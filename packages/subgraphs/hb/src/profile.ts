import { AgencyCode } from "@hkhealth/plan";
import { AgencyProfileBase, agencyProfileTypeName } from "@hkhealth/subgraph-kit";
import { Directive, ObjectType } from "type-graphql";

@ObjectType(agencyProfileTypeName[AgencyCode.HB], { description: "The Health Bureau (醫務衛生局) as its subgraph knows it." })
@Directive('@key(fields: "code")')
export class HealthBureauProfile extends AgencyProfileBase {}

export const healthBureauProfile: HealthBureauProfile = Object.assign(new HealthBureauProfile(), {
  code: AgencyCode.HB,
  website: "https://www.healthbureau.gov.hk",
  agency: { code: AgencyCode.HB },
});
