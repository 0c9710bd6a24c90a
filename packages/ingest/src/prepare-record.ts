import type { RecordToWrite } from "@hkhealth/store";
import type { RawRow } from "./formats/index.js";
import type { ObservationTime } from "./observation-time.js";
import { normaliseValue, type FieldType } from "./values.js";

export interface PreparedRecord {
  readonly record: RecordToWrite;
  /** Each field's value type (null for a missing value), for the dataset's field types. */
  readonly types: ReadonlyArray<readonly [string, FieldType | null]>;
}

/** A row as the store keeps it: checked, every value normalised, its observation time decided. */
export function prepareRecord(row: RawRow, validate: (row: RawRow) => void, observation: ObservationTime): PreparedRecord {
  validate(row);
  const fields: Record<string, unknown> = {};
  const types: Array<readonly [string, FieldType | null]> = [];
  for (const [name, raw] of Object.entries(row.fields)) {
    const { value, type } = normaliseValue(raw);
    fields[name] = value;
    types.push([name, type]);
  }
  return { record: { ordinal: row.ordinal, observedAt: observation.ofRecord(row), fields }, types };
}
