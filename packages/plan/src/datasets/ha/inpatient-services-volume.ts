import { DataFormat } from "../../model/enums.js";
import { distribution } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's inpatient and day inpatient services volume: discharges and deaths, patient days, beds. */
export const inpatientServicesVolume: DatasetDefinition = {
  id: "ha-inpatient-services-volume",
  // Seen in the README of a public GitHub project (SEEM3650-group-project-2022-2023-SEM2), whose resource there is "Number of Hospital Beds by Specialty and Cluster / Hospital" (hosp-bed-en.json).
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-service-ipdp",
  distributions: ["ipdpdd", "patientday", "hosp-bed"].map((file) => distribution(`https://www.ha.org.hk/opendata/${file}-en.json`, DataFormat.JSON, "en")),
};
