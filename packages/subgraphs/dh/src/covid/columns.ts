// Column headers of the Centre for Health Protection's COVID-19 files, as published at
// www.chp.gov.hk/files/misc/*.csv. Records keep them as field names.

/** latest_situation_of_reported_cases_covid_19_eng.csv: one row a day. */
export const situationColumns = {
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
} as const;

/** enhanced_sur_covid_19_eng.csv: one row per case. */
export const caseColumns = {
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
} as const;

/** building_list_eng.csv: one row per building. */
export const buildingColumns = {
  district: "District",
  buildingName: "Building name",
  lastVisitDate: "Last date of visit of the case(s)",
  relatedCases: "Related cases",
} as const;
