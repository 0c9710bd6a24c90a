import type { DatasetDefinition } from "../types.js";

/** The Voluntary Health Insurance Scheme's standard plan premiums. */
export const vhisStandardPremiums: DatasetDefinition = {
  id: "hb-vhis-standard-premiums",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
