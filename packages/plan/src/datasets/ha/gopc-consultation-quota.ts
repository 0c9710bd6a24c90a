import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import type { DatasetDefinition } from "../types.js";

/** HA's average consultation quota of the general out-patient clinics, by clinic and weekday. */
export const gopcConsultationQuota: DatasetDefinition = {
  id: "ha-gopc-consultation-quota",
  portalUrl: null,
  distributions: perLanguage("https://www.ha.org.hk/pas_gopc/pas_gopc_avg_quota_pdf/g0_9uo7a_p-{language}.json", DataFormat.JSON),
};
