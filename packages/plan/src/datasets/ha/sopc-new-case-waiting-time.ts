import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's waiting time for new case bookings at specialist out-patient clinics, by cluster, specialty and triage category. */
export const sopcNewCaseWaitingTime: DatasetDefinition = {
  id: "ha-sopc-new-case-waiting-time",
  portalUrl: null,
  distributions: perLanguage("https://www.ha.org.hk/opendata/sop/sop-waiting-time-{language}.json", DataFormat.JSON),
};
