import { describe, expect, it } from "vitest";
import { baseRowSchema, type RawRow, type RawValue } from "../src/index.js";
import { isPlainRow, rowValidator } from "../src/validate-row.js";

const row = (fields: Record<string, RawValue>, location = "line 2"): RawRow => ({ ordinal: 1, location, fields });

/** The message a row fails with, or undefined when it passes. */
function problemWith(datasetId: string, fields: Record<string, RawValue>): string | undefined {
  try {
    rowValidator(datasetId, "file.csv")(row(fields));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const v2 = { hospName: "Kwong Wah Hospital", t1wt: "0 minute", manageT1case: "N", t2wt: "less than 15 minutes", manageT2case: "N", t3p50: "29 minutes", t3p95: "82 minutes", t45p50: "3.5 hours", t45p95: "4.5 hours" };
const vaccination = {
  Date: "2021-02-22",
  "Age Group": "30-39",
  Sex: "M",
  ...Object.fromEntries(["Sinovac", "BioNTech"].flatMap((vaccine) => ["1st", "2nd", "3rd", "4th", "5th", "6th"].map((dose) => [`${vaccine} ${dose} dose`, "0"]))),
};
const facility = { institution_eng: "Queen Elizabeth Hospital", institution_tc: "伊利沙伯醫院", latitude: 22.308966, longitude: 114.174838 };

describe("row schemas", () => {
  it("accept the published layouts, with extra fields", () => {
    expect(problemWith("ha-aed-waiting-time", v2)).toBeUndefined();
    expect(problemWith("ha-aed-waiting-time", { hospName: "Kwong Wah Hospital", topWait: "Over 3 hours" })).toBeUndefined();
    expect(problemWith("ha-aed-waiting-time", { hospName: "Kwong Wah Hospital", topWait: "4.5", updateTime: "2019-04-18 23:45:00", updateDate: "2019-04-18" })).toBeUndefined();
    expect(problemWith("hb-covid19-vaccination-by-age", { ...vaccination, "Novavax 1st dose": "3" })).toBeUndefined();
    expect(problemWith("ha-facility-directory", { ...facility, latitude: "22.308966" })).toBeUndefined();
    expect(problemWith("dh-chp-covid19-cases", { "Case no.": "1", Gender: "M" })).toBeUndefined(); // no layout known: base only
  });

  it("check an A&E row against the layout its keys claim", () => {
    const { t1wt: _missing, ...withoutT1wt } = v2;
    expect(problemWith("ha-aed-waiting-time", withoutT1wt)).toBe('file.csv: line 2: field "t1wt": is missing (expected text)');
    expect(problemWith("ha-aed-waiting-time", { ...v2, manageT2case: "yes" })).toBe('file.csv: line 2: field "manageT2case": must be one of "Y", "N" (got "yes")');
    expect(problemWith("ha-aed-waiting-time", { hospName: "Kwong Wah Hospital", topWait: "4.5", updateTime: "2019-04-18 23:45:00" })).toBe(
      'file.csv: line 2: field "updateDate": is missing (expected a date "YYYY-MM-DD")',
    );
  });

  it("refuse counts that are not digits and places outside Hong Kong", () => {
    expect(problemWith("hb-covid19-vaccination-by-age", { ...vaccination, "BioNTech 2nd dose": "-1" })).toBe(
      'file.csv: line 2: field "BioNTech 2nd dose": must be a whole number of zero or more, written in digits (got "-1")',
    );
    expect(problemWith("hb-covid19-vaccination-by-age", { ...vaccination, Date: "22/02/2021" })).toBe(
      'file.csv: line 2: field "Date": must be a date "YYYY-MM-DD" (got "22/02/2021")',
    );
    expect(problemWith("ha-facility-directory", { ...facility, longitude: 121.5 })).toBe(
      'file.csv: line 2: field "longitude": must be a longitude in Hong Kong (113.8 to 114.5 degrees east) (got 121.5)',
    );
    expect(problemWith("ha-facility-directory", { ...facility, latitude: "north" })).toBe('file.csv: line 2: field "latitude": must be a number (got "north")');
  });

  it("refuse a field without a name in any dataset", () => {
    expect(problemWith("hb-ehrss-healthcare-providers", { "": "x" })).toBe('file.csv: line 2: field "": a field needs a name (got "x")');
  });
});

describe("the base schema's shortcut", () => {
  const values: unknown[] = ["", "x", 0, -0, 1.5, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity, true, false, null, undefined, {}, [], 1n, new Date(0)];
  const names = ["a", "", "__proto__", "constructor", "0", "toString"];

  it("passes a row only when baseRowSchema does", () => {
    for (const name of names) {
      for (const value of values) {
        const fields = Object.fromEntries([["id", "1"], [name, value]]) as Record<string, RawValue>;
        if (isPlainRow(fields)) expect({ name, value, success: baseRowSchema.safeParse(fields).success }).toEqual({ name, value, success: true });
      }
    }
    expect(isPlainRow({ id: "1", name: "x", count: 2, open: true, closed: null })).toBe(true);
    expect(isPlainRow(Object.assign(Object.create(null) as object, { id: "1" }) as Record<string, RawValue>)).toBe(false);
  });

  it("leaves the message to zod", () => {
    expect(problemWith("hb-ehrss-healthcare-providers", { "": "x", b: "y" })).toBe('file.csv: line 2: field "": a field needs a name (got "x")');
    expect(problemWith("hb-ehrss-healthcare-providers", { a: "x", b: Infinity })).toBe('file.csv: line 2: field "b": must be text, a number, true, false or empty (got null)');
    expect(problemWith("hb-ehrss-healthcare-providers", { a: {} as RawValue, "": "x" })).toBe('file.csv: line 2: field "a": must be text, a number, true, false or empty (got {})');
  });
});
