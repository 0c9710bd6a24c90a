import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import { expecting, nonEmptyText, textOrNumber } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

/** The weekdays the quota file has a column for, in its order. */
export const gopcWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// A day as YYYYMMDD, as text or as a number.
const compactDay = z
  .union([z.string(), z.number()], { error: expecting('a date "YYYYMMDD"') })
  .refine((value) => /^\d{8}$/.test(String(value).trim()), 'must be a date "YYYYMMDD"');

// g0_9uo7a_p-{en,tc,sc}.json: {"Period": {"from", "to"}, District, Clinic, "Doctor Consultation Sessions",
// Monday ... Sunday}; the ingest flattens Period to "Period.from" / "Period.to". Quotas are text ("469.0", "N/A").
const gopcRow = z.object({
  "Period.from": compactDay,
  "Period.to": compactDay,
  District: nonEmptyText(),
  Clinic: nonEmptyText(),
  "Doctor Consultation Sessions": textOrNumber().optional(),
  ...Object.fromEntries(gopcWeekdays.map((day) => [day, textOrNumber()])),
});

/** HA's average consultation quota of the general out-patient clinics, by clinic and weekday. */
export const gopcConsultationQuota: DatasetDefinition = {
  id: "ha-gopc-consultation-quota",
  portalUrl: null,
  distributions: perLanguage("https://www.ha.org.hk/pas_gopc/pas_gopc_avg_quota_pdf/g0_9uo7a_p-{language}.json", DataFormat.JSON),
  profile: { mode: "SNAPSHOT", resourcePerFile: true },
  rowSchema: gopcRow,
  // "469.0" beside "N/A", and days as digits: kept as published from the first file on.
  declaredFieldTypes: [
    [new RegExp(`^(${gopcWeekdays.join("|")})$`), "STRING"],
    ["Doctor Consultation Sessions", "STRING"],
    [/^Period\.(from|to)$/, "STRING"],
  ],
  typedView: { subgraph: "ha", typeName: "GopcConsultationQuotaView" },
};
