import type { DatasetDefinition } from "../types.js";

/** DH's licensed reproductive technology centres holding a treatment licence. */
export const rtCentresTreatmentLicence: DatasetDefinition = {
  id: "dh-rt-centres-treatment-licence",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
