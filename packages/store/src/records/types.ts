export type FieldType = "STRING" | "NUMBER" | "BOOLEAN" | "DATE" | "DATETIME";
export const fieldTypes: readonly FieldType[] = ["STRING", "NUMBER", "BOOLEAN", "DATE", "DATETIME"];

export type RecordMode = "SNAPSHOT" | "CUMULATIVE";

/** A field of a dataset's records and the type all its values agree on. */
export interface RecordFieldInfo {
  readonly name: string;
  readonly type: FieldType;
  readonly position: number;
}

/** What decides how a dataset's records are queried. */
export interface RecordSettings {
  readonly datasetId: string;
  readonly mode: RecordMode;
  readonly fields: readonly RecordFieldInfo[];
}

export interface FieldFilter {
  readonly field: string;
  readonly eq?: unknown;
  readonly in?: readonly unknown[] | null;
  readonly gt?: unknown;
  readonly gte?: unknown;
  readonly lt?: unknown;
  readonly lte?: unknown;
  readonly contains?: string | null;
}

export interface FieldOrder {
  readonly field: string;
  readonly direction: "ASC" | "DESC";
}

/** Which records are in force: the snapshot at `asOf`, or everything observed between `from` and `to`. */
export interface RecordWindow {
  readonly asOf?: Date | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  /** Only this snapshot series (a file name such as "facility-hosp"). */
  readonly resource?: string | null;
}

/** A client asked for something the records cannot answer (unknown field, wrong value type). */
export class RecordQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RecordQueryError";
  }
}
