import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's elective surgery statistics: cataract and total joint replacement. */
export const electiveSurgeryStatistics: DatasetDefinition = {
  id: "ha-elective-surgery-statistics",
  portalUrl: null,
  distributions: ["cataract", "total-joint-replacement"].map((surgery) => distribution(`https://www.ha.org.hk/opendata/electivesurgery/elective-${surgery}-surgery-en.xlsx`, DataFormat.XLSX, "en")),
};
