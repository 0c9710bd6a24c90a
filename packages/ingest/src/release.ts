import { toHongKongIso } from "@hkhealth/plan";
import { IngestError } from "./errors.js";

/** A release of the dataset, as the ingest sees it. */
export interface ReleaseOption {
  readonly id: string;
  /** "YYYY-MM": the target month, or the actual one for releases already published. */
  readonly month: string;
  /** "YYYY-MM" of the recorded publication; null while none is recorded. */
  readonly releasedMonth: string | null;
}

export interface ReleaseLink {
  readonly releaseId: string | null;
  /** Set when linking records the release's publication: the releasedMonth to write. */
  readonly recordPublication?: string;
}

/** The Hong Kong month ("YYYY-MM") of an instant: the plan counts months in Hong Kong. */
export function hongKongMonth(instant: Date): string {
  return toHongKongIso(instant).slice(0, 7);
}

/** The release asked for, or an IngestError listing the dataset's releases. */
export function requireRelease(releases: readonly ReleaseOption[], releaseId: string, source: string, datasetId: string): ReleaseOption {
  const release = releases.find((candidate) => candidate.id === releaseId);
  if (release) return release;
  const known = releases.length === 0 ? `${datasetId} has no release` : `the releases of ${datasetId} are ${releases.map((r) => r.id).join(", ")}`;
  throw new IngestError(source, `unknown release ${JSON.stringify(releaseId)}: ${known}`);
}

/**
 * The release an ingestion belongs to. One asked for is linked, and when it has no publication
 * recorded, linking records it: published in the month the file was fetched. Otherwise the
 * latest release already published whose month is no later than the data's, else none: a
 * release is never marked published without being asked.
 */
export function linkRelease(
  releases: readonly ReleaseOption[],
  requested: ReleaseOption | undefined,
  observedAt: Date,
  fetchedAt: Date,
): ReleaseLink {
  if (requested) {
    return requested.releasedMonth === null
      ? { releaseId: requested.id, recordPublication: hongKongMonth(fetchedAt) }
      : { releaseId: requested.id };
  }
  const observedMonth = hongKongMonth(observedAt);
  const inForce = releases
    .filter((release) => release.releasedMonth !== null && release.month <= observedMonth)
    .reduce<ReleaseOption | undefined>((latest, release) => (latest === undefined || release.month > latest.month ? release : latest), undefined);
  return { releaseId: inForce?.id ?? null };
}
