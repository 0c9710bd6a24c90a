import type { DatasetDefinition } from "../types.js";

/** The Voluntary Health Insurance Scheme's participating insurance companies. */
export const vhisProviders: DatasetDefinition = {
  id: "hb-vhis-providers",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
