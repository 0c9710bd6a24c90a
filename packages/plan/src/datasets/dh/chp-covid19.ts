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
export const chpCovid19Situation = {
  id: "dh-chp-covid19-situation",
  offPlan: { ...chp, titleEn: "Latest situation of reported cases of COVID-19 in Hong Kong", titleZh: "2019冠狀病毒病的最新情況" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("latest_situation_of_reported_cases_covid_19"),
  profile: { mode: "CUMULATIVE", observedAtField: "As of date" },
  typedView: { subgraph: "dh", typeName: "CovidSituationView" },
  // The column headers, kept as the records' field names.
  fields: {
    date: "As of date",
    time: "As of time",
    confirmed: "Number of confirmed cases",
    ruledOut: "Number of ruled out cases",
    stillHospitalisedForInvestigation: "Number of cases still hospitalised for investigation",
    fulfillingReportingCriteria: "Number of cases fulfilling the reporting criteria",
    deaths: "Number of death cases",
    discharged: "Number of discharge cases",
    probable: "Number of probable cases",
    critical: "Number of hospitalised cases in critical condition",
    positiveByNucleicAcidTest: "Number of cases tested positive for SARS-CoV-2 virus by nucleic acid tests",
    positiveByRapidAntigenTest: "Number of cases tested positive for SARS-CoV-2 virus by rapid antigen tests",
  },
} as const satisfies DatasetDefinition;

/** enhanced_sur_covid_19_eng.csv: one row per case, each day adding the cases reported. */
export const chpCovid19Cases = {
  id: "dh-chp-covid19-cases",
  offPlan: { ...chp, titleEn: "Details of probable/confirmed cases of COVID-19 infection in Hong Kong", titleZh: "2019冠狀病毒病個案詳情" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("enhanced_sur_covid_19"),
  profile: { mode: "CUMULATIVE", observedAtField: "Report date" },
  typedView: { subgraph: "dh", typeName: "CovidCaseView" },
  // The column headers, kept as the records' field names.
  fields: {
    caseNumber: "Case no.",
    reportDate: "Report date",
    onset: "Date of onset",
    gender: "Gender",
    age: "Age",
    hospitalAdmitted: "Name of hospital admitted",
    status: "Hospitalised/Discharged/Deceased",
    resident: "HK/Non-HK resident",
    classification: "Classification*",
    caseStatus: "Case status*",
  },
} as const satisfies DatasetDefinition;

/** building_list_eng.csv: the whole list is republished each day, so each file replaces the last. */
export const chpCovid19Buildings = {
  id: "dh-chp-covid19-buildings",
  offPlan: { ...chp, titleEn: "List of buildings with confirmed / probable cases of COVID-19", titleZh: "曾有確診或疑似2019冠狀病毒病個案的大廈名單" },
  portalUrl: chpPortalUrl,
  distributions: chpFiles("building_list"),
  profile: { mode: "SNAPSHOT" },
  typedView: { subgraph: "dh", typeName: "CovidBuildingView" },
  // The column headers, kept as the records' field names.
  fields: {
    district: "District",
    buildingName: "Building name",
    lastVisitDate: "Last date of visit of the case(s)",
    relatedCases: "Related cases",
  },
} as const satisfies DatasetDefinition;
