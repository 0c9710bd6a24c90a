import { basename, extname } from "node:path";
import { datasetDefinition, fileStem } from "@hkhealth/plan";
import { isUrl } from "./source/index.js";

/**
 * The snapshot series a file belongs to: the one asked for; else the series of the dataset's
 * official file of that name, whatever its extension (aedwtdata2-tc.json fills "aedwtdata2-tc", as sync would fill it,
 * wherever the copy comes from); else, for a dataset published as several files, the file's name
 * without extension ("facility-hosp"); else the dataset itself.
 */
export function resourceOf(location: string, dataset: { readonly id: string; readonly resourcePerFile: boolean }, requested?: string): string {
  if (requested !== undefined && requested.trim() !== "") return requested.trim();
  const name = isUrl(location) ? decodeURIComponent(basename(new URL(location).pathname)) : basename(location);
  const stem = basename(name, extname(name));
  const official = datasetDefinition(dataset.id)?.distributions.find((file) => fileStem(file.url) === stem);
  if (official) return official.resource;
  if (!dataset.resourcePerFile) return dataset.id;
  return stem || dataset.id;
}
