import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import {
  DistrictHealthCentreLinksResolver,
  DistrictHealthCentreQueryResolver,
  DistrictHealthCentreResolver,
  DistrictHealthCentreViewResolver,
} from "./dhc/dhc.resolver.js";
import {
  EhrssProviderConnectionResolver,
  EhrssProviderLinksResolver,
  EhrssProviderResolver,
  EhrssProviderTypeCountResolver,
  EhrssProviderViewResolver,
  EhrssQueryResolver,
} from "./ehrss/ehrss.resolver.js";
import { HealthBureauProfile, healthBureauProfile } from "./profile.js";
import { HealthBureauViewsResolver } from "./profile-views.resolver.js";
import { viewReferenceResolver } from "./shared/view-reference.js";
import {
  VaccinationByAgeViewResolver,
  VaccinationDosesConnectionResolver,
  VaccinationDosesLinksResolver,
  VaccinationQueryResolver,
} from "./vaccination/vaccination.resolver.js";

export const HEALTH_BUREAU_SUBGRAPH = "health-bureau";

/** The typed views this subgraph owns (named in the plan's typed-views table): `Dataset.view` reaches each through `_entities`. */
export const healthBureauViewTypes = ["VaccinationByAgeView", "DistrictHealthCentreView", "EhrssProviderView"] as const;

/** The Health Bureau's subgraph: its profile, and its datasets as typed objects read from the records store. */
export function buildHealthBureauSubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.HB,
    name: HEALTH_BUREAU_SUBGRAPH,
    rootField: "healthBureau",
    profileType: HealthBureauProfile,
    profile: healthBureauProfile,
    resolvers: [
      HealthBureauViewsResolver,
      VaccinationByAgeViewResolver,
      VaccinationDosesConnectionResolver,
      ...VaccinationDosesLinksResolver,
      VaccinationQueryResolver,
      DistrictHealthCentreViewResolver,
      DistrictHealthCentreResolver,
      ...DistrictHealthCentreLinksResolver,
      DistrictHealthCentreQueryResolver,
      EhrssProviderViewResolver,
      EhrssProviderConnectionResolver,
      EhrssProviderResolver,
      EhrssProviderTypeCountResolver,
      ...EhrssProviderLinksResolver,
      EhrssQueryResolver,
    ],
    referenceResolvers: Object.fromEntries(healthBureauViewTypes.map((typeName) => [typeName, viewReferenceResolver(typeName)])),
  });
}

export { HealthBureauProfile, healthBureauProfile } from "./profile.js";
