import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's key statistics during service demand surge, published daily. */
export const serviceDemandSurgeKeyStatistics: DatasetDefinition = {
  id: "ha-service-demand-surge-key-statistics",
  portalUrl: null,
  distributions: perLanguage("https://www.ha.org.hk/opendata/pas_report/Daily_Services_Statistics/Daily_Services_Statistics_{language}.json", DataFormat.JSON, { en: "EN", tc: "TC", sc: "SC" }),
};
