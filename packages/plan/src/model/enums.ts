import { registerEnumType } from "type-graphql";

export enum Language {
  EN = "EN",
  ZH_HANT = "ZH_HANT",
}

export enum AgencyCode {
  HB = "HB",
  HA = "HA",
  DH = "DH",
}

export enum UpdateFrequency {
  EVERY_15_MINUTES = "EVERY_15_MINUTES",
  DAILY_DURING_PEAK = "DAILY_DURING_PEAK",
  WEEKLY = "WEEKLY",
  MONTHLY = "MONTHLY",
  QUARTERLY = "QUARTERLY",
  ANNUALLY = "ANNUALLY",
  AS_NEEDED = "AS_NEEDED",
}

export enum DataFormat {
  JSON = "JSON",
  XLSX = "XLSX",
  CSV = "CSV",
  XML = "XML",
}

export enum ReleaseStatus {
  RELEASED = "RELEASED",
  PLANNED = "PLANNED",
  DUE = "DUE",
}

/** The plan's own words for each update frequency, as printed in the document. */
export const updateFrequencyFromPlanText: Readonly<Record<string, UpdateFrequency>> = {
  "每15分鐘": UpdateFrequency.EVERY_15_MINUTES,
  "每日 (於高峰期間)": UpdateFrequency.DAILY_DURING_PEAK,
  "每星期": UpdateFrequency.WEEKLY,
  "每月": UpdateFrequency.MONTHLY,
  "每季": UpdateFrequency.QUARTERLY,
  "每年": UpdateFrequency.ANNUALLY,
  "有需要時": UpdateFrequency.AS_NEEDED,
};

/**
 * The language of an official file, where an agency publishes one file per language (the
 * dataset modules' "en" / "tc" / "sc"). The HA subgraph's `lang` arguments take it too.
 */
export enum PublishedLanguage {
  EN = "EN",
  TC = "TC",
  SC = "SC",
}

registerEnumType(PublishedLanguage, {
  name: "DistributionLanguage",
  description: "The language an official file is published in, where an agency publishes one file per language.",
  valuesConfig: {
    EN: { description: "English." },
    TC: { description: "Traditional Chinese." },
    SC: { description: "Simplified Chinese." },
  },
});

registerEnumType(Language, {
  name: "Language",
  description: "Language of a text field: English or Traditional Chinese (the plan's own language).",
  valuesConfig: {
    EN: { description: "English." },
    ZH_HANT: { description: "Traditional Chinese, exactly as written in the plan." },
  },
});

registerEnumType(AgencyCode, {
  name: "AgencyCode",
  description: "The three agencies whose datasets the Open Data Plan lists.",
  valuesConfig: {
    HB: { description: "Health Bureau (醫務衛生局)." },
    HA: { description: "Hospital Authority (醫院管理局)." },
    DH: { description: "Department of Health (衞生署)." },
  },
});

registerEnumType(UpdateFrequency, {
  name: "UpdateFrequency",
  description: "How often a dataset is updated once released.",
  valuesConfig: {
    EVERY_15_MINUTES: { description: "Every 15 minutes (每15分鐘)." },
    DAILY_DURING_PEAK: { description: "Daily, during peak periods (每日 (於高峰期間))." },
    WEEKLY: { description: "Weekly (每星期)." },
    MONTHLY: { description: "Monthly (每月)." },
    QUARTERLY: { description: "Quarterly (每季)." },
    ANNUALLY: { description: "Annually (每年)." },
    AS_NEEDED: { description: "As needed (有需要時)." },
  },
});

registerEnumType(DataFormat, {
  name: "DataFormat",
  description: "File formats the datasets are published in.",
  valuesConfig: {
    JSON: { description: "JSON (JavaScript Object Notation), a machine-readable text file of objects and arrays." },
    XLSX: { description: "Microsoft Excel workbook (Office Open XML spreadsheet)." },
    CSV: { description: "Comma-separated values: plain text, one row per line, the first line naming the columns." },
    XML: { description: "XML (Extensible Markup Language), a machine-readable text file of nested elements." },
  },
});

registerEnumType(ReleaseStatus, {
  name: "ReleaseStatus",
  description: "Where a release stands on a given date.",
  valuesConfig: {
    RELEASED: { description: "Published on DATA.GOV.HK (plan section D, or a release recorded since)." },
    PLANNED: { description: "Promised for a month that has not yet begun." },
    DUE: { description: "Its target month has begun and no release is recorded." },
  },
});
