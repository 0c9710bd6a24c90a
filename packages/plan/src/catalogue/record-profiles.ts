import { UpdateFrequency } from "../model/enums.js";
import type { CatalogueDataset } from "./types.js";

/** How a dataset's published files become records over time. */
export interface RecordProfile {
  /** SNAPSHOT: a new file replaces the last (feeds, directories); CUMULATIVE: files add rows. */
  readonly mode: "SNAPSHOT" | "CUMULATIVE";
  /** JSON/XML: where the records are in a file. */
  readonly recordPath?: string;
  /** Field giving the time the data describes, in each record or beside them. */
  readonly observedAtField?: string;
  /** Each file is its own snapshot series (a directory published as several files). */
  readonly resourcePerFile?: boolean;
}

/** What the agencies' published layouts say, for the datasets where it is known. */
const knownProfiles: Readonly<Record<string, RecordProfile>> = {
  // HA's aedwtdata(2)-en.json: {"waitTime": [...], "updateTime": "20/1/2026 4:30AM"}; the 2019
  // history CSV carries updateTime in every row.
  "ha-aed-waiting-time": { mode: "SNAPSHOT", recordPath: "waitTime", observedAtField: "updateTime" },
  // Published as facility-hosp.json, facility-sop.json and facility-gop.json.
  "ha-facility-directory": { mode: "SNAPSHOT", resourcePerFile: true },
  // One row per day, age group and sex: each release adds days. "Date" (ISO, a day in Hong
  // Kong) dates each row, so asOf/from/to select days of the file, not the ingest's time.
  "hb-covid19-vaccination-by-age": { mode: "CUMULATIVE", observedAtField: "Date" },
};

/**
 * The profile of a plan dataset: the known one, else by how it is updated: lists published
 * "as needed", weekly quotas and 15-minute feeds replace themselves; statistics accumulate.
 */
export function recordProfileOf(dataset: Pick<CatalogueDataset, "id" | "releases">): RecordProfile {
  const known = knownProfiles[dataset.id];
  if (known) return known;
  const frequency = dataset.releases.at(-1)?.updateFrequency;
  const replacing: readonly (UpdateFrequency | undefined)[] = [UpdateFrequency.EVERY_15_MINUTES, UpdateFrequency.AS_NEEDED, UpdateFrequency.WEEKLY];
  return { mode: replacing.includes(frequency) ? "SNAPSHOT" : "CUMULATIVE" };
}
