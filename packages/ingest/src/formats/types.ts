import type { Readable } from "node:stream";
import type { IngestLimits } from "../limits.js";

/** A value as a file gives it: CSV and XLSX text, JSON primitives, XML text. */
export type RawValue = string | number | boolean | null;

/** One record read from a file, before values are normalised. */
export interface RawRow {
  /** 1-based ordinal of the record among the file's records. */
  readonly ordinal: number;
  /**
   * Where the record is, for messages a person can act on: "line 12" (CSV, counting the header
   * as line 1), "row 5 of sheet Sheet1" (XLSX), "$.waitTime[3]" (JSON), "/list/provider[4]" (XML, 1-based).
   */
  readonly location: string;
  readonly fields: Readonly<Record<string, RawValue>>;
}

/** A parsed file: its records, streamed, and the file-level values found beside them. */
export interface ParsedFile {
  /**
   * Scalar values that describe the whole file, e.g. A&E's `updateTime` next to its
   * `waitTime` array (JSON), or the root element's attributes and scalar children (XML).
   * Empty for CSV and XLSX.
   */
  readonly metadata: Readonly<Record<string, RawValue>>;
  readonly rows: AsyncIterable<RawRow>;
}

export interface ParseInput {
  /** Path or URL, used in error messages only. */
  readonly source: string;
  /** Opens the file's bytes; may be called once. */
  readonly open: () => Readable;
  /**
   * JSON: dot path to the array of records ("waitTime", "data.items"); XML: path of the
   * repeated element ("providers.provider"). When absent, the parser finds the one array /
   * repeated element itself and fails naming the candidates when there are several.
   */
  readonly recordPath?: string | undefined;
  /** XLSX: the sheet to read (default: the first). */
  readonly sheet?: string | undefined;
  /** How large the file and its records may be; the environment's limits when absent. */
  readonly limits?: IngestLimits | undefined;
}

export type FormatParser = (input: ParseInput) => Promise<ParsedFile>;
