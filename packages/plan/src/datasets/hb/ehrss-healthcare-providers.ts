import type { DatasetDefinition } from "../types.js";

/** Healthcare providers registered with the Electronic Health Record Sharing System. */
export const ehrssHealthcareProviders: DatasetDefinition = {
  id: "hb-ehrss-healthcare-providers",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  typedView: { subgraph: "hb", typeName: "EhrssProviderView" },
};
