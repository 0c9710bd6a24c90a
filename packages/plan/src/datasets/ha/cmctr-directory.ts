import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's Chinese Medicine Clinics cum Training and Research Centres (plan row C4). */
export const cmctrDirectory: DatasetDefinition = {
  id: "ha-cmctr-directory",
  portalUrl: null,
  distributions: [distribution("https://www.ha.org.hk/opendata/cmctr/facility-cmctr.json", DataFormat.JSON)],
};
