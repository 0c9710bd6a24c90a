import type { FileFormat } from "./formats/index.js";
import type { IngestLimits } from "./limits.js";

/** How far an ingest has got: reported after every batch of records written. */
export interface IngestProgress {
  readonly records: number;
  readonly elapsedMs: number;
}

/** One file to ingest into one dataset. */
export interface IngestRequest {
  readonly datasetId: string;
  /** A path (relative ones against the current directory) or an http(s) URL. */
  readonly location: string;
  /** The file's format; detected from its name, Content-Type or first bytes when absent. */
  readonly format?: FileFormat | undefined;
  /** When the data describes, for files that do not say so themselves. */
  readonly observedAt?: Date | undefined;
  /** Links the file to this release of the dataset, recording the release's publication. */
  readonly releaseId?: string | undefined;
  /** The snapshot series the file belongs to, instead of the one the dataset implies. */
  readonly resource?: string | undefined;
  readonly onProgress?: ((progress: IngestProgress) => void) | undefined;
  /** Aborting it (Ctrl-C) rolls the ingest back, unless it has already committed. */
  readonly signal?: AbortSignal | undefined;
  /** Longest a download may take, headers to last byte (default 5 minutes). */
  readonly fetchTimeoutMs?: number | undefined;
  /** Limits on the file's size and its records' (INGEST_MAX_*); the environment's for those not given. */
  readonly limits?: Partial<IngestLimits> | undefined;
}

/**
 * "ingested": the file's records were written. "duplicate": these exact bytes were ingested into
 * the dataset before; nothing written. "unchanged": the server answered 304 Not Modified to a
 * conditional GET; nothing written.
 */
export type IngestStatus = "ingested" | "duplicate" | "unchanged";

export interface IngestResult {
  readonly status: IngestStatus;
  readonly datasetId: string;
  /** The URL, or the absolute path, that was read. */
  readonly location: string;
  /** The new ingestion; for "duplicate", the earlier one with the same bytes. */
  readonly ingestionId?: number;
  /** Records written by this call (0 unless "ingested"). */
  readonly records: number;
  readonly sha256?: string;
  /** The ingestion's observation time: its latest record's, or the file's. */
  readonly observedAt?: Date;
  readonly resource?: string;
  /** The release the ingestion is linked to; null when none applies. */
  readonly releaseId?: string | null;
}
