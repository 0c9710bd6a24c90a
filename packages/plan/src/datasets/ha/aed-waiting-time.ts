import { z } from "zod";
import { DataFormat } from "../../model/enums.js";
import { fileStem, perLanguage } from "../distributions.js";
import { isoDate, nonEmptyText, numeric, oneOf, text } from "../row-checks.js";
import type { DatasetDefinition } from "../types.js";

// v2 (aedwtdata2-en.json, from 2023): waiting times per triage category.
const currentRow = z.object({
  hospName: nonEmptyText(),
  t1wt: text(),
  manageT1case: oneOf(["Y", "N"]).optional(),
  t2wt: text(),
  manageT2case: oneOf(["Y", "N"]).optional(),
  t3p50: text(),
  t3p95: text(),
  t45p50: text(),
  t45p95: text(),
});
// v1 (aedwtdata-en.json): one wording of the top wait ("Over 2 hours").
const legacyRow = z.object({ hospName: nonEmptyText(), topWait: text() });
// The 2019 history CSV: v1 rows with topWait in hours and the time in each row.
const historyRow = z.object({ hospName: nonEmptyText(), topWait: numeric(), updateTime: nonEmptyText(), updateDate: isoDate() });

/**
 * A&E files come in three layouts, and a row's keys say which one it follows; checking it against
 * that one alone gives a message about the field at fault rather than "matches no layout".
 */
const aedRow = z.record(z.string(), z.unknown()).superRefine((row, context) => {
  const layout = !("topWait" in row) ? currentRow : "updateTime" in row || "updateDate" in row ? historyRow : legacyRow;
  const result = layout.safeParse(row);
  for (const issue of result.error?.issues ?? []) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
});

/** HA's A&E waiting time, updated every 15 minutes: the current feed (v2) and the legacy one (v1). */
export const aedWaitingTime: DatasetDefinition = {
  id: "ha-aed-waiting-time",
  // Seen in the open-data link of github.com/yilverdeja/ae-hk-wait-times, beside its fetch of aedwtdata2-en.json.
  portalUrl: "https://data.gov.hk/en-data/dataset/hospital-hadata-ae-waiting-time",
  distributions: [
    ...perLanguage("https://www.ha.org.hk/opendata/aed/aedwtdata2-{language}.json", DataFormat.JSON),
    ...perLanguage("https://www.ha.org.hk/opendata/aed/aedwtdata-{language}.json", DataFormat.JSON),
  ],
  // {"waitTime": [...], "updateTime": "20/1/2026 4:30AM"}; the 2019 history CSV has updateTime in every row.
  // No resourcePerFile: a file named as none of the official ones (the 2019 history) fills the
  // dataset's own series, "ha-aed-waiting-time", which the typed view reads as English; a file
  // named as one of them (aedwtdata2-tc.json) fills that file's series (ingest's resourceOf).
  // Asked for by hospital, newest first: a hospital's history is its index's range.
  profile: { mode: "SNAPSHOT", recordPath: "waitTime", observedAtField: "updateTime", filterFields: ["hospName"], sortFields: ["-updateTime"] },
  rowSchema: aedRow,
  // The v1 feed's topWait is text ("Over 2 hours"); the 2019 history's, the hours derived from it.
  declaredFieldTypes: [["topWait", "STRING"]],
  typedView: { subgraph: "ha", typeName: "AedWaitingTimeView" },
};

/**
 * The current feed's files (aedwtdata2-en/-tc/-sc), each its own snapshot series. Where a
 * language's current and legacy feeds have a snapshot of the same instant, the typed view serves
 * the current one (it has every triage category).
 */
export const aedCurrentFeed = aedWaitingTime.distributions.filter((file) => fileStem(file.url).startsWith("aedwtdata2-"));
