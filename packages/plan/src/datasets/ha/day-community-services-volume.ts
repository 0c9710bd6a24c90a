import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's day and community services volume, A&E attendances by hospital among them. */
export const dayCommunityServicesVolume: DatasetDefinition = {
  id: "ha-day-community-services-volume",
  portalUrl: null,
  distributions: [distribution("https://www.ha.org.hk/opendata/ae-attnd-en.json", DataFormat.JSON, "en")],
};
