import { AgencyCode } from "@hkhealth/plan";
import { buildAgencySubgraph, type ReferenceResolver, type Subgraph } from "@hkhealth/subgraph-kit";
import { CovidBuilding } from "./covid/building.js";
import { CovidBuildingConnectionResolver, CovidBuildingViewResolver } from "./covid/building.resolver.js";
import { CovidBuildingView } from "./covid/building-view.js";
import { CovidCase } from "./covid/case.js";
import { CovidCaseConnectionResolver, CovidCaseViewResolver } from "./covid/case.resolver.js";
import { CovidCaseView } from "./covid/case-view.js";
import { CovidSituationDay } from "./covid/situation-day.js";
import { CovidSituationViewResolver } from "./covid/situation.resolver.js";
import { CovidSituationView } from "./covid/situation-view.js";
import { HealthFact } from "./health-facts/health-fact.js";
import { HealthFactResolver, HealthFactSectionResolver, HealthFactsViewResolver } from "./health-facts/health-facts.resolver.js";
import { HealthFactsView } from "./health-facts/health-facts-view.js";
import { DepartmentOfHealthProfile, departmentOfHealthProfile } from "./profile.js";
import { datasetLinkResolver, recordLinksResolver } from "@hkhealth/subgraph-kit";
import { DepartmentOfHealthUnitResolver } from "./unit.js";

export const DEPARTMENT_OF_HEALTH_SUBGRAPH = "department-of-health";

/** The view types this subgraph owns, by their GraphQL names (the plan's typed-view table). */
const views = { HealthFactsView, CovidSituationView, CovidCaseView, CovidBuildingView };

// A view is its dataset id and nothing more: its fields query the records when asked for.
const viewReference: ReferenceResolver = (reference) => ({ datasetId: String(reference.datasetId) });

/** The Department of Health's subgraph: its profile and typed views of its datasets. */
export function buildDepartmentOfHealthSubgraph(): Promise<Subgraph> {
  return buildAgencySubgraph({
    code: AgencyCode.DH,
    name: DEPARTMENT_OF_HEALTH_SUBGRAPH,
    rootField: "departmentOfHealth",
    profileType: DepartmentOfHealthProfile,
    profile: departmentOfHealthProfile,
    resolvers: [
      DepartmentOfHealthUnitResolver,
      ...Object.values(views).map((view) => datasetLinkResolver(view, "The dataset this view reads.")),
      HealthFactsViewResolver,
      HealthFactResolver,
      HealthFactSectionResolver,
      CovidSituationViewResolver,
      CovidCaseViewResolver,
      CovidCaseConnectionResolver,
      CovidBuildingViewResolver,
      CovidBuildingConnectionResolver,
      ...[HealthFact, CovidSituationDay, CovidCase, CovidBuilding].flatMap((type) => recordLinksResolver(type)),
    ],
    referenceResolvers: Object.fromEntries(Object.keys(views).map((typeName) => [typeName, viewReference])),
  });
}

export { DepartmentOfHealthProfile, departmentOfHealthProfile } from "./profile.js";
