import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { perLanguage } from "../distributions.js";
import { nonEmptyText, text, textOrNumber } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

// sop-waiting-time-{en,tc,sc}.json: an array of {cluster, specialty, category, description, value},
// the value in weeks as text ("10", "<1", "N/A").
const sopcRow = z.object({
  cluster: nonEmptyText(),
  specialty: nonEmptyText(),
  category: text(),
  description: text(),
  value: textOrNumber(),
});

/** HA's waiting time for new case bookings at specialist out-patient clinics, by cluster, specialty and triage category. */
export const sopcNewCaseWaitingTime: DatasetDefinition = {
  id: "ha-sopc-new-case-waiting-time",
  portalUrl: null,
  distributions: perLanguage("https://www.ha.org.hk/opendata/sop/sop-waiting-time-{language}.json", DataFormat.JSON),
  // Each language's file is its own series; `pnpm ingest` names the series after the file, as sync does.
  profile: { mode: "SNAPSHOT", resourcePerFile: true },
  rowSchema: sopcRow,
  // Weeks as digits in one file, "<1" or "N/A" in the next: text from the first file on.
  declaredFieldTypes: [["value", "STRING"]],
  typedView: { subgraph: "ha", typeName: "SopcWaitingTimeView" },
};
