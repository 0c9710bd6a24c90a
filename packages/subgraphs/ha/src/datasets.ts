/** The Hospital Authority's datasets this subgraph types. */
export const FACILITY_DIRECTORY_DATASET = "ha-facility-directory";
export const AED_WAITING_TIME_DATASET = "ha-aed-waiting-time";
export const SOPC_WAITING_TIME_DATASET = "ha-sopc-new-case-waiting-time";
export const GOPC_QUOTA_DATASET = "ha-gopc-consultation-quota";
export const AE_ATTENDANCE_DATASET = "ha-day-community-services-volume";

/** The directory's files, each its own snapshot series (the ingest names them after the file). */
export enum FacilityResource {
  HOSPITALS = "facility-hosp",
  SPECIALIST_CLINICS = "facility-sop",
  GENERAL_CLINICS = "facility-gop",
}
