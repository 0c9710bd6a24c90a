import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's inpatient and day inpatient services volume: discharges and deaths, patient days, beds. */
export const inpatientServicesVolume: DatasetDefinition = {
  id: "ha-inpatient-services-volume",
  portalUrl: null,
  distributions: ["ipdpdd", "patientday", "hosp-bed"].map((file) => distribution(`https://www.ha.org.hk/opendata/${file}-en.json`, DataFormat.JSON, "en")),
};
