import type { DatasetDefinition } from "../types.js";

/** HB's Domestic Health Accounts. */
export const domesticHealthAccounts: DatasetDefinition = {
  id: "hb-domestic-health-accounts",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
