import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's manpower position: full-time equivalent staff by cluster. */
export const manpowerFte: DatasetDefinition = {
  id: "ha-manpower-fte",
  portalUrl: null,
  distributions: [distribution("https://www.ha.org.hk/opendata/manpower-position-by-clusters-en.json", DataFormat.JSON, "en")],
};
