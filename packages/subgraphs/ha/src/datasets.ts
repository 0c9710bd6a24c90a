/** The Hospital Authority's datasets this subgraph types (plan rows D3 and D8). */
export const FACILITY_DIRECTORY_DATASET = "ha-facility-directory";
export const AED_WAITING_TIME_DATASET = "ha-aed-waiting-time";

/** The directory's files, each its own snapshot series (the ingest names them after the file). */
export enum FacilityResource {
  HOSPITALS = "facility-hosp",
  SPECIALIST_CLINICS = "facility-sop",
  GENERAL_CLINICS = "facility-gop",
}
