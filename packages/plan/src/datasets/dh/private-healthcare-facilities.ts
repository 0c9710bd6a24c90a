import type { DatasetDefinition } from "../types.js";

/** DH's register of licensed private healthcare facilities. */
export const privateHealthcareFacilities: DatasetDefinition = {
  id: "dh-private-healthcare-facilities",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
