import { ALL_DATASETS_READ, CATALOGUE_CHANGED, CATALOGUE_READ, type DataVersions } from "@hkhealth/store";

/**
 * The versions an answer depends on, as text: the catalogue's (a catalogue change drops every
 * answer) and each dataset's it read, or every change's total for an answer that read every
 * dataset. Versions only go up, so an answer whose stamp equals the stamp of the versions now
 * read nothing that changed since it was computed.
 */
export function versionStamp(reads: readonly string[], versions: DataVersions): string {
  if (reads.includes(ALL_DATASETS_READ)) return `*${versions.total}`;
  let stamp = `${CATALOGUE_CHANGED}:${versions.of(CATALOGUE_CHANGED)}`;
  for (const read of reads) if (read !== CATALOGUE_READ) stamp += ` ${read}:${versions.of(read)}`;
  return stamp;
}
