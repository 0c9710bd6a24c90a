import { readIngestLimitsEnvironment } from "@hkhealth/config";

/** How large one file the ingest reads may be, part by part; past a limit the file is refused, naming it. */
export interface IngestLimits {
  /** Characters of one record: a CSV line, an XLSX row, a JSON or XML record as stored (INGEST_MAX_RECORD_CHARACTERS). */
  readonly maxRecordCharacters: number;
  /** Bytes of a JSON or XML file, which are read whole (INGEST_MAX_DOCUMENT_BYTES). */
  readonly maxDocumentBytes: number;
  /** Depth of objects, arrays or elements in a JSON or XML file (INGEST_MAX_NESTING). */
  readonly maxNesting: number;
}

/** The limits the environment sets, with their defaults from @hkhealth/config; `overrides` win. */
export function ingestLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  const environment = readIngestLimitsEnvironment();
  return {
    maxRecordCharacters: environment.INGEST_MAX_RECORD_CHARACTERS,
    maxDocumentBytes: environment.INGEST_MAX_DOCUMENT_BYTES,
    maxNesting: environment.INGEST_MAX_NESTING,
    ...overrides,
  };
}
