import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import { expecting, nonEmptyText, numeric } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

// ae-attnd-en.json: {"Financial Year": "2023-24", "Hospital": ..., "AE Attendances": 123456}.
const aeAttendanceRow = z.object({
  "Financial Year": z
    .union([z.string(), z.number()], { error: expecting('a financial year such as "2023-24"') })
    .refine((value) => /^\d{4}(?:\s*[-/–]\s*\d{2,4})?$/.test(String(value).trim()), 'must be a financial year such as "2023-24"'),
  Hospital: nonEmptyText(),
  "AE Attendances": numeric({ min: 0, max: 10_000_000, outside: "must be a number of attendances (0 or more)" }),
});

/** HA's day and community services volume, A&E attendances by hospital among them. */
export const dayCommunityServicesVolume: DatasetDefinition = {
  id: "ha-day-community-services-volume",
  // Seen in a public script on GitHub that downloads ae-attnd-en.json and names this dataset's page (as its tc-data/ page, the same dataset in Chinese).
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-service-ambulatory-community",
  distributions: [distribution("https://www.ha.org.hk/opendata/ae-attnd-en.json", DataFormat.JSON, "en")],
  // Each file is republished whole with every year so far: the latest one is the table.
  profile: { mode: "SNAPSHOT", resourcePerFile: true },
  rowSchema: aeAttendanceRow,
  // "2023-24" in one file, 2023 in another: text from the first file on.
  declaredFieldTypes: [["Financial Year", "STRING"]],
  typedView: { subgraph: "ha", typeName: "AeAttendanceView" },
};
