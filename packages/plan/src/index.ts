import "reflect-metadata";

export * from "./model/enums.js";
export { localised } from "./localised.js";
export { Agency } from "./model/agency.js";
export { Dataset } from "./model/dataset.js";
export { Release } from "./model/release.js";
export { DatasetConnection, DatasetEdge, DatasetFilter, PageInfo } from "./model/connection.js";
export { DateScalar, DateTimeScalar, isoDate } from "./model/scalars.js";
export { parseIsoDateTime, toHongKongIso } from "./time.js";
export { releaseStatus, monthOfDate, todayInHongKong, type ReleaseTiming } from "./status.js";
export type { CatalogueAgency, CatalogueDataset, CatalogueRelease, PlanSection } from "./catalogue/types.js";
export { catalogueAgencies, catalogueDatasets } from "./catalogue/catalogue.js";
export { parsePlanDocument, type PlanRow } from "./catalogue/parse-plan.js";
export { recordProfileOf, type RecordProfile } from "./catalogue/record-profiles.js";
export { offPlanDatasets, type OffPlanDataset } from "./catalogue/off-plan-datasets.js";
export {
  DataRecord,
  FieldFilterInput,
  TimeGroupingInput,
  TimePart,
  FieldOrderInput,
  FieldType,
  RecordConnection,
  RecordEdge,
  RecordField,
  RecordGroup,
  RecordSource,
  SortDirection,
} from "./model/records.js";
export { typedViewTypeName } from "./catalogue/typed-views.js";
export {
  datasetDefinitions,
  datasetDefinition,
  updateFrequencyOf,
  distribution,
  fileStem,
  perLanguage,
  rowChecks,
  chpCovid19Buildings,
  chpCovid19Cases,
  chpCovid19Situation,
  healthFacts,
  healthFactsYearColumn,
  dhcMainCentres,
  dhcExpressMainCentres,
  districtHealthCentreFields,
  ehrssHealthcareProviders,
  covid19VaccinationByAge,
  doseColumnHeader,
  vaccinationDoseOrdinals,
  vaccinationVaccines,
  aedCurrentFeed,
  gopcWeekdays,
  type DatasetDefinition,
  type Distribution,
  type DistributionLanguage,
  type FieldTypeDeclarations,
  type FieldTypeName,
  type OffPlanRegistration,
} from "./datasets/index.js";
