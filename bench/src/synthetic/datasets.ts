import { AgencyCode, DataFormat, UpdateFrequency } from "@hkhealth/plan";
import type { DatasetRegistration } from "@hkhealth/store";

// Registered beside the plan, never in it: ids, titles and descriptions say they are synthetic,
// so nobody mistakes benchmark rows for published data.

export const SYNTHETIC_AED = "bench-synthetic-aed";
export const SYNTHETIC_WIDE = "bench-synthetic-wide";

export const syntheticDatasets: readonly DatasetRegistration[] = [
  {
    id: SYNTHETIC_AED,
    agency: AgencyCode.HA,
    titleEn: "SYNTHETIC benchmark data (not published by HA): A&E waiting times every 15 minutes",
    titleZh: "合成基準測試數據（並非醫管局發布）：每15分鐘急症室等候時間",
    updateFrequency: UpdateFrequency.EVERY_15_MINUTES,
    formats: [DataFormat.CSV],
    recordMode: "SNAPSHOT",
    observedAtField: "updateTime",
    // aedHistory: one hospital over the whole history.
    filterFields: ["hospName"],
    sortFields: ["updateTime"],
  },
  {
    id: SYNTHETIC_WIDE,
    agency: AgencyCode.HB,
    titleEn: "SYNTHETIC benchmark data (not published by HB): attendances, 20 columns",
    titleZh: "合成基準測試數據（並非醫務衛生局發布）：求診記錄，20欄",
    updateFrequency: UpdateFrequency.MONTHLY,
    formats: [DataFormat.CSV],
    recordMode: "CUMULATIVE",
    observedAtField: "reportedOn",
    // recordPage: one district, newest admissions first.
    filterFields: ["district"],
    sortFields: ["-admittedAt"],
  },
];
