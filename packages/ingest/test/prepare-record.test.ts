import { RecordBatch } from "@hkhealth/store";
import { describe, expect, it } from "vitest";
import { normaliseValue, type RawRow, type RawValue } from "../src/index.js";
import { FieldTypes } from "../src/field-types.js";
import { RecordPreparer } from "../src/prepare-record.js";

/** The record's fields as JSON, the plain way: an object of normalised values, stringified. */
function plainJson(fields: Readonly<Record<string, RawValue>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(fields).map(([name, raw]) => [name, normaliseValue(raw).value])));
}

const observedAt = new Date("2024-01-02T03:04:05.006Z");
const preparer = (types = new FieldTypes([])) =>
  new RecordPreparer(() => {}, { ofFile: observedAt, ofRecord: () => observedAt }, types);

const rows: Array<Record<string, RawValue>> = [
  {},
  { a: "x" },
  { id: " 12 ", name: 'Tower "A"\\B', when: "20/1/2026 4:30AM", day: "2021-02-22", zoned: "2026-01-19T20:30:00Z", empty: "", none: null },
  { big: 1e21, tiny: 5e-324, negative: -0, fraction: 0.1, yes: true, no: false, infinite: Infinity, nan: Number.NaN },
  { "10": "ten", "2": "two", b: "bee", "": "nameless" },
  { "quote\"d": "1", "back\\slash": "2", "new\nline": "3", "tab\t": "\u0000\u001f\u2028", "中文": "伊利沙伯醫院", "emoji 🏥": "😷" },
  Object.fromEntries([["__proto__", "kept"], ["constructor", "x"], ["toString", "1.50"]]) as Record<string, RawValue>,
];

describe("RecordPreparer", () => {
  it("writes the same JSON as stringifying the normalised values", () => {
    const prepare = preparer();
    // Twice over, and each row twice in a row: a field's value repeated from the row before is not normalised again.
    for (const fields of [...rows, ...rows].flatMap((row) => [row, row])) {
      const json = prepare.fieldsJson(fields);
      expect(json).toBe(plainJson(fields));
      expect(JSON.parse(json)).toEqual(JSON.parse(plainJson(fields)));
    }
  });

  it("keeps a field named __proto__ as a field", () => {
    const json = preparer().fieldsJson(Object.fromEntries([["__proto__", "kept"]]) as Record<string, RawValue>);
    expect(json).toBe('{"__proto__":"kept"}');
  });

  it("merges each value's type into the dataset's field types", () => {
    const types = new FieldTypes([{ name: "kept", type: "NUMBER", position: 1 }]);
    const prepare = preparer(types);
    prepare.fieldsJson({ when: "2021-02-22", count: "3", label: "", kept: "x" });
    prepare.fieldsJson({ when: "2021-02-22 10:00", count: "4", label: "" });
    expect(types.list()).toEqual([
      { name: "kept", type: "STRING", position: 1 },
      { name: "when", type: "DATETIME", position: 2 },
      { name: "count", type: "NUMBER", position: 3 },
    ]);
  });

  it("adds the row to the batch with its ordinal and observation time", () => {
    const batch = new RecordBatch();
    const row: RawRow = { ordinal: 7, location: "line 8", fields: { a: "1" } };
    expect(preparer().add(row, batch)).toBe(observedAt);
    expect(batch.size).toBe(1);
    expect(JSON.parse(batch.toJson())).toEqual([{ o: 7, t: "2024-01-02T03:04:05.006Z", f: { a: 1 } }]);
  });
});
