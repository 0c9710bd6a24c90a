import type { DatasetDefinition } from "../types.js";

/** Attendances at the Chinese Medicine Clinics cum Training and Research Centres. */
export const cmctrServiceVolume: DatasetDefinition = {
  id: "ha-cmctr-service-volume",
  portalUrl: null,
  // No official file URL is known (README, "Datasets without a known source").
  distributions: [],
};
