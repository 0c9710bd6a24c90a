import { AgencyCode, DataFormat, UpdateFrequency } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/*
 * The Centre for Health Protection's COVID-19 files (www.chp.gov.hk/files/misc/*.csv, listed on
 * DATA.GOV.HK), which the plan does not list. CHP updated them every day of the epidemic; the
 * closest frequency the plan's vocabulary has is "daily, during peak periods". Each is published
 * in English (_eng) and Chinese (_chi), each language its own series.
 */
function chpFiles(name: string) {
  return [distribution(`https://www.chp.gov.hk/files/misc/${name}_eng.csv`, DataFormat.CSV, "en"), distribution(`https://www.chp.gov.hk/files/misc/${name}_chi.csv`, DataFormat.CSV, "tc")];
}

/**
 * The three files are resources of one DATA.GOV.HK dataset, "Data in Coronavirus Disease
 * (COVID-19)": seen in public code on GitHub that downloads enhanced_sur_covid_19_chi.csv and
 * building_list_*.csv, and cites it for latest_situation_of_reported_cases_covid_19_eng.csv.
 */
const chpPortalUrl = "https://data.gov.hk/en-data/dataset/hk-dh-chpsebcddr-novel-infectious-agent";

const chp = { agency: AgencyCode.DH, updateFrequency: UpdateFrequency.DAILY_DURING_PEAK, formats: [DataFormat.CSV] } as const;

/** latest_situation_of_reported_cases_covid_19_eng.csv: one row a day, dates dd/mm/yyyy. */
export const chpCovid19Situation: DatasetDefinition = {
  id: "dh-chp-covid19-situation",
  offPlan: { ...chp, titleEn: "Latest situation of reported cases of COVID-19 in Hong Kong", titleZh: "2019冠狀病毒病的最新情況" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("latest_situation_of_reported_cases_covid_19"),
  profile: { mode: "CUMULATIVE", observedAtField: "As of date" },
  typedView: { subgraph: "dh", typeName: "CovidSituationView" },
};

/** enhanced_sur_covid_19_eng.csv: one row per case, each day adding the cases reported. */
export const chpCovid19Cases: DatasetDefinition = {
  id: "dh-chp-covid19-cases",
  offPlan: { ...chp, titleEn: "Details of probable/confirmed cases of COVID-19 infection in Hong Kong", titleZh: "2019冠狀病毒病個案詳情" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("enhanced_sur_covid_19"),
  profile: { mode: "CUMULATIVE", observedAtField: "Report date" },
  typedView: { subgraph: "dh", typeName: "CovidCaseView" },
};

/** building_list_eng.csv: the whole list is republished each day, so each file replaces the last. */
export const chpCovid19Buildings: DatasetDefinition = {
  id: "dh-chp-covid19-buildings",
  offPlan: { ...chp, titleEn: "List of buildings with confirmed / probable cases of COVID-19", titleZh: "曾有確診或疑似2019冠狀病毒病個案的大廈名單" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("building_list"),
  profile: { mode: "SNAPSHOT" },
  typedView: { subgraph: "dh", typeName: "CovidBuildingView" },
};
