import type { DatasetDefinition } from "../types.js";

/** The main centres of the District Health Centre Expresses. */
export const dhcExpressMainCentres: DatasetDefinition = {
  id: "hb-dhc-express-main-centres",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  typedView: { subgraph: "hb", typeName: "DistrictHealthCentreView" },
};
