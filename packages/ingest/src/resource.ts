import { basename, extname } from "node:path";
import { isUrl } from "./source/index.js";

/**
 * The snapshot series a file belongs to: the one asked for; else, for a dataset published as
 * several files, the file's name without extension ("facility-hosp"); else the dataset itself.
 */
export function resourceOf(location: string, dataset: { readonly id: string; readonly resourcePerFile: boolean }, requested?: string): string {
  if (requested !== undefined && requested.trim() !== "") return requested.trim();
  if (!dataset.resourcePerFile) return dataset.id;
  const name = isUrl(location) ? decodeURIComponent(basename(new URL(location).pathname)) : basename(location);
  return basename(name, extname(name)) || dataset.id;
}
