import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's key statistics during service demand surge, published daily. */
export const serviceDemandSurgeKeyStatistics: DatasetDefinition = {
  id: "ha-service-demand-surge-key-statistics",
  // Seen in the README of SEEM3650-group-project-2022-2023-SEM2 on GitHub ("Public Hospitals Key Statistics during Service Demand Surge"), and a script that downloads Daily_Services_Statistics_EN.json beside it.
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-key-statistics-during-surge",
  distributions: perLanguage("https://www.ha.org.hk/opendata/pas_report/Daily_Services_Statistics/Daily_Services_Statistics_{language}.json", DataFormat.JSON, { en: "EN", tc: "TC", sc: "SC" }),
};
