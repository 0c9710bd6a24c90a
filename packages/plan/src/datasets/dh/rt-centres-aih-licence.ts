import type { DatasetDefinition } from "../types.js";

/** DH's licensed reproductive technology centres holding an artificial insemination by husband licence. */
export const rtCentresAihLicence: DatasetDefinition = {
  id: "dh-rt-centres-aih-licence",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
