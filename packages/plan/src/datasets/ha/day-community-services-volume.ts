import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's day and community services volume, A&E attendances by hospital among them. */
export const dayCommunityServicesVolume: DatasetDefinition = {
  id: "ha-day-community-services-volume",
  // Seen in a public script on GitHub that downloads ae-attnd-en.json and names this dataset's page (as its tc-data/ page, the same dataset in Chinese).
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-service-ambulatory-community",
  distributions: [distribution("https://www.ha.org.hk/opendata/ae-attnd-en.json", DataFormat.JSON, "en")],
};
