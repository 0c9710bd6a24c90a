import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** The Voluntary Health Insurance Scheme's certified plans: standard and flexi. */
export const vhisCertifiedPlans: DatasetDefinition = {
  id: "hb-vhis-certified-plans",
  // Seen in a public VHIS refresh script on GitHub that downloads standard-plans.json and flexi-plans.json from this dataset.
  portalUrl: "https://data.gov.hk/en-data/dataset/hk-hhb-hhbvhis-vhis-certified-plan",
  distributions: ["standard-plans", "flexi-plans"].map((file) => distribution(`https://www.vhis.gov.hk/public/data/${file}.json`, DataFormat.JSON)),
};
