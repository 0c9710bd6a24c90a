import type { DatasetDefinition } from "../types.js";

/** HA's cancer statistics. */
export const cancerStatistics: DatasetDefinition = {
  id: "ha-cancer-statistics",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
