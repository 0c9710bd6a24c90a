import type { DatasetDefinition } from "../types.js";

/** HA's endoscopic procedure statistics. */
export const endoscopicProcedureStatistics: DatasetDefinition = {
  id: "ha-endoscopic-procedure-statistics",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
