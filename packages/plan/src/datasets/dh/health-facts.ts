import type { DatasetDefinition } from "../types.js";

/** DH's Health Facts of Hong Kong. */
export const healthFacts: DatasetDefinition = {
  id: "dh-health-facts",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
  // The XLSX's year columns hold numbers (15298); the CSV's the same as text ("15,298", "N.A.").
  declaredFieldTypes: [[/^\d{4}$/, "STRING"]],
  typedView: { subgraph: "dh", typeName: "HealthFactsView" },
};
