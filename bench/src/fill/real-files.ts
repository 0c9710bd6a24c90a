import { existsSync } from "node:fs";
import { join } from "node:path";
import { sharedDir } from "@hkhealth/config/testing";

/** The agencies' real published files in shared/fixtures, and the dataset each goes into. */
export const realFiles: ReadonlyArray<{ readonly datasetId: string; readonly path: string }> = [
  { datasetId: "ha-aed-waiting-time", path: "ha-aed-waiting-time/history-2019.csv" },
  { datasetId: "ha-aed-waiting-time", path: "ha-aed-waiting-time/aedwtdata-en.v1.json" },
  { datasetId: "ha-aed-waiting-time", path: "ha-aed-waiting-time/aedwtdata2-en.json" },
  { datasetId: "ha-facility-directory", path: "ha-facility-directory/facility-hosp.json" },
  { datasetId: "ha-facility-directory", path: "ha-facility-directory/facility-sop.json" },
  { datasetId: "ha-facility-directory", path: "ha-facility-directory/facility-gop.json" },
  { datasetId: "hb-covid19-vaccination-by-age", path: "hb-covid19-vaccination-by-age/vaccination-rates-over-time-by-age.csv" },
  { datasetId: "dh-chp-covid19-situation", path: "dh-chp-covid19/latest_situation_of_reported_cases_covid_19_eng.csv" },
  { datasetId: "dh-chp-covid19-cases", path: "dh-chp-covid19/enhanced_sur_covid_19_eng.csv" },
  { datasetId: "dh-chp-covid19-buildings", path: "dh-chp-covid19/building_list_eng.csv" },
];

/** shared/fixtures beside the repository (SHARED_DIR overrides shared/), or undefined when absent. */
export function fixturesDir(): string | undefined {
  const dir = join(sharedDir, "fixtures");
  return existsSync(dir) ? dir : undefined;
}
