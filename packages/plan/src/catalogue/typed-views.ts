/**
 * The typed view of each dataset that has one: the GraphQL type, owned by the publishing
 * agency's subgraph, that `Dataset.view` returns for it. The type's key is `datasetId`.
 */
export const typedViewTypeName: Readonly<Record<string, string>> = {
  // Hospital Authority
  "ha-facility-directory": "FacilityDirectoryView",
  "ha-aed-waiting-time": "AedWaitingTimeView",
  // Health Bureau
  "hb-covid19-vaccination-by-age": "VaccinationByAgeView",
  "hb-dhc-main-centres": "DistrictHealthCentreView",
  "hb-dhc-express-main-centres": "DistrictHealthCentreView",
  "hb-ehrss-healthcare-providers": "EhrssProviderView",
  // Department of Health
  "dh-health-facts": "HealthFactsView",
  "dh-chp-covid19-situation": "CovidSituationView",
  "dh-chp-covid19-cases": "CovidCaseView",
  "dh-chp-covid19-buildings": "CovidBuildingView",
};
