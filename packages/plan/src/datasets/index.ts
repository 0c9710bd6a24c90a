import { catalogueDatasets } from "../catalogue/catalogue.js";
import type { CatalogueDataset } from "../catalogue/types.js";
import type { UpdateFrequency } from "../model/enums.js";
import { chpCovid19Buildings, chpCovid19Cases, chpCovid19Situation } from "./dh/chp-covid19.js";
import { healthFacts } from "./dh/health-facts.js";
import { privateHealthcareFacilities } from "./dh/private-healthcare-facilities.js";
import { rtCentresAihLicence } from "./dh/rt-centres-aih-licence.js";
import { rtCentresTreatmentLicence } from "./dh/rt-centres-treatment-licence.js";
import { aedWaitingTime } from "./ha/aed-waiting-time.js";
import { cancerStatistics } from "./ha/cancer-statistics.js";
import { cmctrDirectory } from "./ha/cmctr-directory.js";
import { cmctrServiceVolume } from "./ha/cmctr-service-volume.js";
import { dayCommunityServicesVolume } from "./ha/day-community-services-volume.js";
import { electiveSurgeryStatistics } from "./ha/elective-surgery-statistics.js";
import { endoscopicProcedureStatistics } from "./ha/endoscopic-procedure-statistics.js";
import { facilityDirectory } from "./ha/facility-directory.js";
import { gopcConsultationQuota } from "./ha/gopc-consultation-quota.js";
import { inpatientServicesVolume } from "./ha/inpatient-services-volume.js";
import { keyFinancialInformation } from "./ha/key-financial-information.js";
import { manpowerFte } from "./ha/manpower-fte.js";
import { serviceDemandSurgeKeyStatistics } from "./ha/service-demand-surge-key-statistics.js";
import { sopcNewCaseWaitingTime } from "./ha/sopc-new-case-waiting-time.js";
import { covid19VaccinationByAge } from "./hb/covid19-vaccination-by-age.js";
import { dhcExpressMainCentres } from "./hb/dhc-express-main-centres.js";
import { dhcMainCentres } from "./hb/dhc-main-centres.js";
import { domesticHealthAccounts } from "./hb/domestic-health-accounts.js";
import { ehrssHealthcareProviders } from "./hb/ehrss-healthcare-providers.js";
import { vhisCertifiedPlans } from "./hb/vhis-certified-plans.js";
import { vhisProviders } from "./hb/vhis-providers.js";
import { vhisStandardPremiums } from "./hb/vhis-standard-premiums.js";
import type { DatasetDefinition } from "./types.js";

/** Every dataset the project knows: the plan's 26, then those published beside it. One module each. */
export const datasetDefinitions: readonly DatasetDefinition[] = [
  // Health Bureau
  dhcMainCentres,
  dhcExpressMainCentres,
  domesticHealthAccounts,
  vhisProviders,
  vhisCertifiedPlans,
  vhisStandardPremiums,
  ehrssHealthcareProviders,
  covid19VaccinationByAge,
  // Hospital Authority
  keyFinancialInformation,
  inpatientServicesVolume,
  endoscopicProcedureStatistics,
  cmctrDirectory,
  cmctrServiceVolume,
  dayCommunityServicesVolume,
  facilityDirectory,
  manpowerFte,
  cancerStatistics,
  aedWaitingTime,
  sopcNewCaseWaitingTime,
  gopcConsultationQuota,
  electiveSurgeryStatistics,
  serviceDemandSurgeKeyStatistics,
  // Department of Health
  privateHealthcareFacilities,
  healthFacts,
  rtCentresAihLicence,
  rtCentresTreatmentLicence,
  chpCovid19Situation,
  chpCovid19Cases,
  chpCovid19Buildings,
];

const byId = new Map(datasetDefinitions.map((definition) => [definition.id, definition]));

/** The definition of a dataset the project knows; undefined for one registered at run time. */
export function datasetDefinition(id: string): DatasetDefinition | undefined {
  return byId.get(id);
}

const planDatasetById = new Map<string, CatalogueDataset>(catalogueDatasets.map((dataset) => [dataset.id, dataset]));

/** How often a known dataset is updated: its latest plan release's frequency, or its registration's. */
export function updateFrequencyOf(definition: DatasetDefinition): UpdateFrequency {
  const frequency = definition.offPlan?.updateFrequency ?? planDatasetById.get(definition.id)?.releases.at(-1)?.updateFrequency;
  if (!frequency) throw new Error(`Dataset ${definition.id} is neither in the plan nor registered with a frequency`);
  return frequency;
}

export { distribution, fileStem, perLanguage } from "./distributions.js";
export { aedCurrentFeed } from "./ha/aed-waiting-time.js";
export { gopcWeekdays } from "./ha/gopc-consultation-quota.js";
export * as rowChecks from "./row-checks.js";
export type * from "./types.js";
