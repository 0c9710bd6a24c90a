import type { DatasetDefinition } from "../types.js";

/** The Voluntary Health Insurance Scheme's participating insurance companies. */
export const vhisProviders: DatasetDefinition = {
  id: "hb-vhis-providers",
  // Seen in the list of VHIS dataset pages in a public VHIS refresh script on GitHub.
  portalUrl: "https://data.gov.hk/en-data/dataset/hk-hhb-hhbvhis-vhis-provider",
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
