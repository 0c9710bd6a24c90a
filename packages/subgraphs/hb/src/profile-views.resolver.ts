import { dhcExpressMainCentres, dhcMainCentres, ehrssHealthcareProviders } from "@hkhealth/plan";
import { FieldResolver, Resolver } from "type-graphql";
import { DistrictHealthCentreView } from "./dhc/dhc-view.js";
import { EhrssProviderView } from "./ehrss/ehrss-view.js";
import { HealthBureauProfile } from "./profile.js";
import { VACCINATION_DATASET, VaccinationByAgeView } from "./vaccination/vaccination-view.js";

const DHC_MAIN_CENTRES = dhcMainCentres.id;
const DHC_EXPRESS_MAIN_CENTRES = dhcExpressMainCentres.id;
const EHRSS_PROVIDERS = ehrssHealthcareProviders.id;

/**
 * The Health Bureau's typed views, reachable from its profile as well as from each `Dataset.view`
 * (being reachable from a field also makes them part of this subgraph's schema).
 */
@Resolver(() => HealthBureauProfile)
export class HealthBureauViewsResolver {
  @FieldResolver(() => VaccinationByAgeView, { description: "COVID-19 vaccination by age group (plan row D19), typed." })
  vaccinationByAgeView(): VaccinationByAgeView {
    return { datasetId: VACCINATION_DATASET };
  }

  @FieldResolver(() => [DistrictHealthCentreView], {
    description: "Main centres of District Health Centres (plan row A1) and of DHC Expresses (plan row A2), typed: one view each.",
  })
  districtHealthCentreViews(): DistrictHealthCentreView[] {
    return [DHC_MAIN_CENTRES, DHC_EXPRESS_MAIN_CENTRES].map((datasetId) => ({ datasetId }));
  }

  @FieldResolver(() => EhrssProviderView, { description: "Healthcare providers participating in eHRSS (plan row D14), typed." })
  ehrssProviderView(): EhrssProviderView {
    return { datasetId: EHRSS_PROVIDERS };
  }
}
