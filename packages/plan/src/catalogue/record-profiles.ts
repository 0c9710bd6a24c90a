import { UpdateFrequency } from "../model/enums.js";
import { datasetDefinition } from "../datasets/index.js";
import type { RecordProfile } from "../datasets/types.js";
import type { CatalogueDataset } from "./types.js";

export type { RecordProfile };

/**
 * The profile of a plan dataset: the one its module declares, else by how it is updated: lists published
 * "as needed", weekly quotas and 15-minute feeds replace themselves; statistics accumulate.
 */
export function recordProfileOf(dataset: Pick<CatalogueDataset, "id" | "releases">): RecordProfile {
  const known = datasetDefinition(dataset.id)?.profile;
  if (known) return known;
  const frequency = dataset.releases.at(-1)?.updateFrequency;
  const replacing: readonly (UpdateFrequency | undefined)[] = [UpdateFrequency.EVERY_15_MINUTES, UpdateFrequency.AS_NEEDED, UpdateFrequency.WEEKLY];
  return { mode: replacing.includes(frequency) ? "SNAPSHOT" : "CUMULATIVE" };
}
