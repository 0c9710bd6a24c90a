import type { RecordBatch } from "@hkhealth/store";
import type { FieldTypes } from "./field-types.js";
import type { RawRow, RawValue } from "./formats/index.js";
import type { ObservationTime } from "./observation-time.js";
import { normaliseInto, type NormalisedSlot } from "./values.js";

/**
 * Turns rows into records as the store keeps them: checked, every value normalised, each value's
 * type merged into the dataset's field types, the observation time decided. A record goes into
 * its batch as JSON text at once, written here value by value, so a batch holds one string per
 * record rather than its objects.
 */
export class RecordPreparer {
  readonly #validate: (row: RawRow) => void;
  readonly #observation: ObservationTime;
  readonly #fieldTypes: FieldTypes;
  readonly #fields = new Map<string, FieldState>();
  readonly #slot: NormalisedSlot = { value: null, type: null };

  constructor(validate: (row: RawRow) => void, observation: ObservationTime, fieldTypes: FieldTypes) {
    this.#validate = validate;
    this.#observation = observation;
    this.#fieldTypes = fieldTypes;
  }

  /** Adds the row to `batch`; returns its observation time. Throws an IngestError for a bad row. */
  add(row: RawRow, batch: RecordBatch): Date {
    this.#validate(row);
    const observedAt = this.#observation.ofRecord(row);
    batch.add(row.ordinal, observedAt, this.fieldsJson(row.fields));
    return observedAt;
  }

  /** The fields, normalised, as the text of a JSON object: what JSON.stringify writes for them. */
  fieldsJson(fields: Readonly<Record<string, RawValue>>): string {
    const names = Object.keys(fields);
    const members: string[] = [];
    for (const name of names) {
      const raw = fields[name] ?? null;
      const field = this.#field(name);
      // Columns repeat values from row to row (a district, a date): the same value normalises the
      // same way, and its type is already merged.
      if (raw !== field.raw) {
        normaliseInto(raw, this.#slot);
        this.#fieldTypes.add(name, this.#slot.type);
        field.raw = raw;
        field.member = field.key + valueJson(this.#slot.value);
      }
      members.push(field.member);
    }
    return `{${members.join(",")}}`;
  }

  #field(name: string): FieldState {
    let field = this.#fields.get(name);
    if (field === undefined) {
      field = { key: `${JSON.stringify(name)}:`, raw: undefined, member: "" };
      this.#fields.set(name, field);
    }
    return field;
  }
}

/** A field of the file: its name as a JSON key, and its last value with that value's JSON member ("name":value). */
interface FieldState {
  readonly key: string;
  raw: RawValue | undefined;
  member: string;
}

function valueJson(value: string | number | boolean | null): string {
  // Finite numbers only (normaliseValue turns the others into text): JSON writes them as String does.
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
