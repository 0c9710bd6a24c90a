import { IngestError } from "./errors.js";
import type { RawRow, RawValue } from "./formats/index.js";
import { parseHongKongDateTime } from "./values.js";

/** When the data in a file describes, for the file as a whole and for each record. */
export interface ObservationTime {
  /** The file's own time (its metadata's observedAtField), else the one given, else the fetch time. */
  readonly ofFile: Date;
  /** A record's own observedAtField value when it has that field, else the file's time. */
  ofRecord(row: RawRow): Date;
}

export interface ObservationTimeInput {
  readonly source: string;
  /** The dataset's field that says when the data was observed, if it has one. */
  readonly observedAtField: string | null;
  readonly metadata: Readonly<Record<string, RawValue>>;
  readonly requested?: Date | undefined;
  readonly fetchedAt: Date;
}

export function observationTime({ source, observedAtField: field, metadata, requested, fetchedAt }: ObservationTimeInput): ObservationTime {
  const fromMetadata = field !== null && Object.hasOwn(metadata, field) ? instantOf(metadata[field], source, "metadata", field) : undefined;
  const ofFile = fromMetadata ?? requested ?? fetchedAt;
  if (field === null) return { ofFile, ofRecord: () => ofFile };
  // Records one after another mostly share their time (a snapshot, a day): read each value once.
  let last: { readonly value: RawValue | undefined; readonly instant: Date } | undefined;
  return {
    ofFile,
    ofRecord: (row) => {
      if (!Object.hasOwn(row.fields, field)) return ofFile;
      const value = row.fields[field];
      if (last === undefined || value !== last.value) last = { value, instant: instantOf(value, source, row.location, field) };
      return last.instant;
    },
  };
}

/** Agencies write local time without a zone ("20/1/2026 4:30AM"): it is Hong Kong time. */
function instantOf(value: RawValue | undefined, source: string, location: string, field: string): Date {
  const instant = typeof value === "string" ? parseHongKongDateTime(value) : undefined;
  if (instant === undefined) {
    throw new IngestError(source, `${JSON.stringify(value ?? null)} is not a date or date-time, and this field dates the dataset's records`, location, field);
  }
  return instant;
}
