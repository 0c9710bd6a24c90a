import { AgencyCode, DataFormat, UpdateFrequency } from "../model/enums.js";

/**
 * A dataset an agency publishes outside the plan, described so its files can be ingested. The
 * same shape as the store's DatasetRegistration, declared here so the plan needs no store.
 */
export interface OffPlanDataset {
  readonly id: string;
  readonly agency: AgencyCode;
  readonly titleEn: string;
  readonly titleZh: string;
  readonly updateFrequency: UpdateFrequency;
  readonly formats: readonly DataFormat[];
  readonly recordMode?: "SNAPSHOT" | "CUMULATIVE";
  readonly recordPath?: string | null;
  readonly observedAtField?: string | null;
  readonly resourcePerFile?: boolean;
}

/*
 * The Centre for Health Protection's COVID-19 files (www.chp.gov.hk/files/misc/*.csv, listed on
 * DATA.GOV.HK), which the plan does not list. CHP updated them every day of the epidemic; the
 * closest frequency the plan's vocabulary has is "daily, during peak periods".
 */
export const offPlanDatasets: readonly OffPlanDataset[] = [
  {
    // latest_situation_of_reported_cases_covid_19_eng.csv: one row a day, dates dd/mm/yyyy.
    id: "dh-chp-covid19-situation",
    agency: AgencyCode.DH,
    titleEn: "Latest situation of reported cases of COVID-19 in Hong Kong",
    titleZh: "2019冠狀病毒病的最新情況",
    updateFrequency: UpdateFrequency.DAILY_DURING_PEAK,
    formats: [DataFormat.CSV],
    recordMode: "CUMULATIVE",
    observedAtField: "As of date",
  },
  {
    // enhanced_sur_covid_19_eng.csv: one row per case, each day adding the cases reported.
    id: "dh-chp-covid19-cases",
    agency: AgencyCode.DH,
    titleEn: "Details of probable/confirmed cases of COVID-19 infection in Hong Kong",
    titleZh: "2019冠狀病毒病個案詳情",
    updateFrequency: UpdateFrequency.DAILY_DURING_PEAK,
    formats: [DataFormat.CSV],
    recordMode: "CUMULATIVE",
    observedAtField: "Report date",
  },
  {
    // building_list_eng.csv: the whole list is republished each day, so each file replaces the last.
    id: "dh-chp-covid19-buildings",
    agency: AgencyCode.DH,
    titleEn: "List of buildings with confirmed / probable cases of COVID-19",
    titleZh: "曾有確診或疑似2019冠狀病毒病個案的大廈名單",
    updateFrequency: UpdateFrequency.DAILY_DURING_PEAK,
    formats: [DataFormat.CSV],
    recordMode: "SNAPSHOT",
  },
];
