import { RecordBatch } from "@hkhealth/store";
import { describe, expect, it } from "vitest";
import { normaliseValue, type RawRow, type RawValue } from "../src/index.js";
import { FieldTypes } from "../src/field-types.js";
import { declaredFieldTypes } from "../src/declared-field-types.js";
import { failAt } from "../src/formats/fail.js";
import { RecordPreparer } from "../src/prepare-record.js";

/** The record's fields as JSON, the plain way: an object of normalised values, stringified. */
function plainJson(fields: Readonly<Record<string, RawValue>>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(fields).map(([name, raw]) => [name, normaliseValue(raw).value])));
}

const observedAt = new Date("2024-01-02T03:04:05.006Z");
const preparer = (types = new FieldTypes([]), maxRecordCharacters = 1_000_000) =>
  new RecordPreparer(() => {}, { ofFile: observedAt, ofRecord: () => observedAt }, types, { source: "file.csv", maxRecordCharacters });
const fail = failAt("file.csv", "line 2");

const rows: Array<Record<string, RawValue>> = [
  {},
  { a: "x" },
  { id: " 12 ", name: 'Tower "A"\\B', when: "20/1/2026 4:30AM", day: "2021-02-22", zoned: "2026-01-19T20:30:00Z", empty: "", none: null },
  { big: 1e21, tiny: 5e-324, negative: -0, fraction: 0.1, yes: true, no: false, infinite: Infinity, nan: Number.NaN },
  { "10": "ten", "2": "two", b: "bee", "": "nameless" },
  { "quote\"d": "1", "back\\slash": "2", "new\nline": "3", "tab\t": "\u0001\u001f\u2028", "中文": "伊利沙伯醫院", "emoji 🏥": "😷" },
  Object.fromEntries([["__proto__", "kept"], ["constructor", "x"], ["toString", "1.50"]]) as Record<string, RawValue>,
];

describe("RecordPreparer", () => {
  it("writes the same JSON as stringifying the normalised values", () => {
    const prepare = preparer();
    // Twice over, and each row twice in a row: a field's value repeated from the row before is not normalised again.
    for (const fields of [...rows, ...rows].flatMap((row) => [row, row])) {
      const json = prepare.fieldsJson(fields, fail);
      expect(json).toBe(plainJson(fields));
      expect(JSON.parse(json)).toEqual(JSON.parse(plainJson(fields)));
    }
  });

  it("keeps a field named __proto__ as a field", () => {
    const json = preparer().fieldsJson(Object.fromEntries([["__proto__", "kept"]]) as Record<string, RawValue>, fail);
    expect(json).toBe('{"__proto__":"kept"}');
  });

  it("merges each value's type into the dataset's field types", () => {
    const types = new FieldTypes([{ name: "kept", type: "NUMBER", position: 1 }]);
    const prepare = preparer(types);
    prepare.fieldsJson({ when: "2021-02-22", count: "3", label: "", kept: "5", mixed: "1" }, fail);
    prepare.fieldsJson({ when: "2021-02-22 10:00", count: "4", label: "", mixed: "one" }, fail);
    expect(types.list()).toEqual([
      { name: "kept", type: "NUMBER", position: 1 },
      { name: "when", type: "DATETIME", position: 2 },
      { name: "count", type: "NUMBER", position: 3 },
      { name: "mixed", type: "STRING", position: 4 },
    ]);
  });

  it("refuses a value that does not fit the type a field has from earlier files, and leaves the type", () => {
    const types = new FieldTypes([
      { name: "Case no.", type: "NUMBER", position: 1 },
      { name: "at", type: "DATETIME", position: 2 },
      { name: "day", type: "DATE", position: 3 },
    ]);
    const prepare = preparer(types);
    prepare.fieldsJson({ "Case no.": "12", at: "2021-02-22", day: "" }, fail); // a date fits a DATETIME field, as within a file
    expect(() => prepare.fieldsJson({ "Case no.": "pending" }, fail)).toThrow(
      'file.csv: line 2: field "Case no.": "pending" (STRING) does not fit the field\'s type NUMBER, established by the dataset\'s earlier files',
    );
    expect(() => prepare.fieldsJson({ day: "2021-02-22 10:00" }, fail)).toThrow('field "day": "2021-02-22 10:00" (DATETIME) does not fit the field\'s type DATE');
    expect(types.list().map((field) => field.type)).toEqual(["NUMBER", "DATETIME", "DATE"]);
  });

  it("takes a declared type as established from the first file, so layouts that differ fit it in any order", () => {
    const declared = declaredFieldTypes("ha-aed-waiting-time");
    const fresh = new FieldTypes([], declared);
    preparer(fresh).fieldsJson({ topWait: "1.5" }, fail); // the 2019 history's hours
    expect(fresh.list()).toEqual([{ name: "topWait", type: "STRING", position: 1 }]);
    const stored = new FieldTypes(fresh.list(), declared);
    expect(preparer(stored).fieldsJson({ topWait: "Over 2 hours" }, fail)).toBe('{"topWait":"Over 2 hours"}'); // the v1 feed's text
  });

  it.each([
    ["a NUL", { name: "a\u0000b" }, 'field "name": the value has a NUL character (U+0000) at character 2, which the database cannot store'],
    ["a lone high surrogate", { name: "x\ud800" }, 'field "name": the value has a lone surrogate (U+D800, half of a character) at character 2'],
    ["a lone low surrogate", { name: "\udc00" }, 'field "name": the value has a lone surrogate (U+DC00, half of a character) at character 1'],
    ["a NUL in a name", { "na\u0000me": "x" }, "the field's name has a NUL character (U+0000) at character 3"],
  ])("refuses %s, naming the row and field", (_, fields, message) => {
    expect(() => preparer().fieldsJson(fields, fail)).toThrow(message);
  });

  it("keeps characters made of a surrogate pair", () => {
    expect(preparer().fieldsJson({ emoji: "😷🏥" }, fail)).toBe('{"emoji":"😷🏥"}');
  });

  it("refuses a record longer than the limit, at its row", () => {
    const row: RawRow = { ordinal: 1, location: "line 2", fields: { text: "x".repeat(2_000) } };
    expect(() => preparer(new FieldTypes([]), 1_000).add(row, new RecordBatch())).toThrow(
      "file.csv: line 2: the record is longer than the 1,000 characters one record may have (INGEST_MAX_RECORD_CHARACTERS)",
    );
  });

  it("adds the row to the batch with its ordinal and observation time", () => {
    const batch = new RecordBatch();
    const row: RawRow = { ordinal: 7, location: "line 8", fields: { a: "1" } };
    expect(preparer().add(row, batch)).toBe(observedAt);
    expect(batch.size).toBe(1);
    expect(JSON.parse(batch.toJson())).toEqual([{ o: 7, t: "2024-01-02T03:04:05.006Z", f: { a: 1 } }]);
  });
});
