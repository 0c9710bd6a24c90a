import { unstorableCharacter, type RecordBatch } from "@hkhealth/store";
import { quoteValue } from "./errors.js";
import type { FieldTypes } from "./field-types.js";
import { failAt, type Fail } from "./formats/fail.js";
import { recordTooLong } from "./formats/limits.js";
import type { RawRow, RawValue } from "./formats/index.js";
import type { ObservationTime } from "./observation-time.js";
import { normaliseInto, type FieldType, type NormalisedSlot } from "./values.js";

/** The file records come from, for refusals, and how long one record may be. */
export interface RecordFile {
  readonly source: string;
  readonly maxRecordCharacters: number;
}

/**
 * Turns rows into records as the store keeps them: checked, every value normalised, each value's
 * type merged into the dataset's field types, the observation time decided. Refused at the row
 * and field: a name or value the database cannot store, a value that does not fit the type the
 * field has from earlier files, a record longer than the limit. A record goes into
 * its batch as JSON text at once, written here value by value, so a batch holds one string per
 * record rather than its objects.
 */
export class RecordPreparer {
  readonly #validate: (row: RawRow) => void;
  readonly #observation: ObservationTime;
  readonly #fieldTypes: FieldTypes;
  readonly #fields = new Map<string, FieldState>();
  readonly #slot: NormalisedSlot = { value: null, type: null };
  readonly #file: RecordFile;
  readonly #fieldsWithNonText = new Set<string>();
  #recordsWithValues = 0;

  constructor(validate: (row: RawRow) => void, observation: ObservationTime, fieldTypes: FieldTypes, file: RecordFile) {
    this.#validate = validate;
    this.#observation = observation;
    this.#fieldTypes = fieldTypes;
    this.#file = file;
  }

  /** Adds the row to `batch`; returns its observation time. Throws an IngestError for a bad row. */
  add(row: RawRow, batch: RecordBatch): Date {
    this.#validate(row);
    const observedAt = this.#observation.ofRecord(row);
    const fail: Fail = failAt(this.#file.source, row.location);
    const json = this.fieldsJson(row.fields, fail);
    if (json.length > this.#file.maxRecordCharacters) fail(recordTooLong(this.#file.maxRecordCharacters));
    batch.add(row.ordinal, observedAt, json);
    if (hasValue(row.fields)) this.#recordsWithValues++;
    return observedAt;
  }

  /** Records added so far with at least one value that is not missing: a file with none holds nothing. */
  get recordsWithValues(): number {
    return this.#recordsWithValues;
  }

  /** Fields of which a number or a boolean was stored: if one ends up STRING, those become text (storeStringFieldsAsText). */
  get fieldsWithNonText(): ReadonlySet<string> {
    return this.#fieldsWithNonText;
  }

  /** The fields, normalised, as the text of a JSON object: what JSON.stringify writes for them. `fail` refuses the row. */
  fieldsJson(fields: Readonly<Record<string, RawValue>>, fail: Fail): string {
    const names = Object.keys(fields);
    const members: string[] = [];
    for (const name of names) {
      const raw = fields[name] ?? null;
      const field = this.#field(name, fail);
      // Columns repeat values from row to row (a district, a date): the same value normalises the
      // same way, and its type is already merged.
      if (raw !== field.raw) {
        const unstorable = typeof raw === "string" ? unstorableCharacter(raw) : undefined;
        if (unstorable !== undefined) fail(`the value has ${unstorable}`, name);
        normaliseInto(raw, this.#slot);
        const established = this.#fieldTypes.add(name, this.#slot.type);
        if (established !== undefined) fail(notOfType(raw, this.#slot.type, established), name);
        field.raw = raw;
        field.member = field.key + valueJson(this.#slot.value);
        if (typeof this.#slot.value === "number" || typeof this.#slot.value === "boolean") this.#fieldsWithNonText.add(name);
      }
      members.push(field.member);
    }
    return `{${members.join(",")}}`;
  }

  #field(name: string, fail: Fail): FieldState {
    let field = this.#fields.get(name);
    if (field === undefined) {
      const unstorable = unstorableCharacter(name);
      if (unstorable !== undefined) fail(`the field's name has ${unstorable}`, name);
      field = { key: `${JSON.stringify(name)}:`, raw: undefined, member: "" };
      this.#fields.set(name, field);
    }
    return field;
  }
}

function hasValue(fields: Readonly<Record<string, RawValue>>): boolean {
  for (const name in fields) {
    const value = fields[name];
    if (value !== null && value !== undefined && (typeof value !== "string" || value.trim() !== "")) return true;
  }
  return false;
}

/** The refusal of a value that would change the type a field has from the dataset's earlier files. */
function notOfType(raw: RawValue, type: FieldType | null, established: FieldType): string {
  return `${quoteValue(raw)} (${type ?? "empty"}) does not fit the field's type ${established}, established by the dataset's earlier files; earlier records keep their type, so the file is refused`;
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
