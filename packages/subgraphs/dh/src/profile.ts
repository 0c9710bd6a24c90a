import { AgencyCode } from "@hkhealth/plan";
import { AgencyProfileBase, agencyProfileTypeName } from "@hkhealth/subgraph-kit";
import { Directive, Field, ObjectType } from "type-graphql";
import { CovidBuildingView } from "./covid/building-view.js";
import { CovidCaseView } from "./covid/case-view.js";
import { CovidSituationView } from "./covid/situation-view.js";
import { HealthFactsView } from "./health-facts/health-facts-view.js";
import { centreForHealthProtection, DepartmentOfHealthUnit } from "./unit.js";
import { datasetOfView } from "./views.js";

@ObjectType(agencyProfileTypeName[AgencyCode.DH], { description: "The Department of Health (衞生署) as its subgraph knows it." })
@Directive('@key(fields: "code")')
export class DepartmentOfHealthProfile extends AgencyProfileBase {
  @Field(() => [DepartmentOfHealthUnit], { description: "Units of the Department that publish datasets of their own." })
  units!: DepartmentOfHealthUnit[];

  @Field(() => HealthFactsView, { description: "Health Facts of Hong Kong, typed (also `Dataset.view` of dh-health-facts)." })
  healthFacts!: HealthFactsView;

  @Field(() => CovidSituationView, { description: "The CHP's daily COVID-19 situation, typed (also `Dataset.view` of dh-chp-covid19-situation)." })
  covidSituation!: CovidSituationView;

  @Field(() => CovidCaseView, { description: "The CHP's COVID-19 cases, typed (also `Dataset.view` of dh-chp-covid19-cases)." })
  covidCases!: CovidCaseView;

  @Field(() => CovidBuildingView, { description: "The CHP's buildings with COVID-19 cases, typed (also `Dataset.view` of dh-chp-covid19-buildings)." })
  covidBuildings!: CovidBuildingView;
}

export const departmentOfHealthProfile: DepartmentOfHealthProfile = Object.assign(new DepartmentOfHealthProfile(), {
  code: AgencyCode.DH,
  website: "https://www.dh.gov.hk",
  agency: { code: AgencyCode.DH },
  units: [centreForHealthProtection],
  healthFacts: { datasetId: datasetOfView("HealthFactsView") },
  covidSituation: { datasetId: datasetOfView("CovidSituationView") },
  covidCases: { datasetId: datasetOfView("CovidCaseView") },
  covidBuildings: { datasetId: datasetOfView("CovidBuildingView") },
});
