import type { DatasetDefinition } from "../types.js";
import { districtHealthCentreFields } from "./dhc-main-centres.js";

/** The main centres of the District Health Centre Expresses. */
export const dhcExpressMainCentres = {
  id: "hb-dhc-express-main-centres",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  typedView: { subgraph: "hb", typeName: "DistrictHealthCentreView" },
  // The same layout as the District Health Centres' file; the opening hours may be left out.
  fields: districtHealthCentreFields,
} as const satisfies DatasetDefinition;
