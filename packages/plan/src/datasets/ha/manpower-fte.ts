import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's manpower position: full-time equivalent staff by cluster. */
export const manpowerFte: DatasetDefinition = {
  id: "ha-manpower-fte",
  // Seen in public course notes on GitHub naming it "Manpower Position - Number of Full-time Equivalent (FTE) Staff", and a script that downloads manpower-position-by-clusters-en.json beside it.
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-manpower",
  distributions: [distribution("https://www.ha.org.hk/opendata/manpower-position-by-clusters-en.json", DataFormat.JSON, "en")],
};
