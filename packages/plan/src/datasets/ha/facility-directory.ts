import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import { nonEmptyText, numeric } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

// facility-hosp/-sop/-gop.json: names in both languages and a place in Hong Kong.
const facilityRow = z.object({
  institution_eng: nonEmptyText(),
  institution_tc: nonEmptyText(),
  latitude: numeric({ min: 22.1, max: 22.6, outside: "must be a latitude in Hong Kong (22.1 to 22.6 degrees north)" }),
  longitude: numeric({ min: 113.8, max: 114.5, outside: "must be a longitude in Hong Kong (113.8 to 114.5 degrees east)" }),
});

/** HA's hospitals, specialist and general out-patient clinics: one file each, every language in each. */
export const facilityDirectory: DatasetDefinition = {
  id: "ha-facility-directory",
  // Seen in public course notes on GitHub ("New Topics for Regression Analysis (Week 4)") naming it "List of Hospital Authority Hospitals/Institutions/Specialist Outpatient Clinics/General Outpatient Clinics".
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-health-care-facilities",
  distributions: ["hosp", "sop", "gop"].map((kind) => distribution(`https://www.ha.org.hk/opendata/facility-${kind}.json`, DataFormat.JSON)),
  profile: { mode: "SNAPSHOT", resourcePerFile: true },
  rowSchema: facilityRow,
  typedView: { subgraph: "ha", typeName: "FacilityDirectoryView" },
};
