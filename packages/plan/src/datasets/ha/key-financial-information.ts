import type { DatasetDefinition } from "../types.js";

/** HA's key financial information. */
export const keyFinancialInformation: DatasetDefinition = {
  id: "ha-key-financial-information",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
