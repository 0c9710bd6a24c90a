import { describe, expect, it } from "vitest";
import { doseColumns, doseColumnsFor } from "../src/vaccination/dose-columns.js";
import { sexFromFile, sexInFile, Sex, Vaccine } from "../src/vaccination/enums.js";

describe("the vaccination file's dose columns", () => {
  it("are the 12 published headers, Sinovac then BioNTech, doses 1 to 6", () => {
    expect(doseColumns.map((column) => column.column)).toEqual([
      "Sinovac 1st dose",
      "Sinovac 2nd dose",
      "Sinovac 3rd dose",
      "Sinovac 4th dose",
      "Sinovac 5th dose",
      "Sinovac 6th dose",
      "BioNTech 1st dose",
      "BioNTech 2nd dose",
      "BioNTech 3rd dose",
      "BioNTech 4th dose",
      "BioNTech 5th dose",
      "BioNTech 6th dose",
    ]);
    expect(doseColumns.map((column) => column.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(doseColumns[8]).toEqual({ vaccine: Vaccine.BIONTECH, doseNumber: 3, column: "BioNTech 3rd dose", position: 9 });
  });

  it("narrow to a vaccine, a dose number, both, or none", () => {
    expect(doseColumnsFor({ vaccine: Vaccine.BIONTECH }).map((column) => column.column)).toHaveLength(6);
    expect(doseColumnsFor({ doseNumber: 2 }).map((column) => column.column)).toEqual(["Sinovac 2nd dose", "BioNTech 2nd dose"]);
    expect(doseColumnsFor({ vaccine: Vaccine.SINOVAC, doseNumber: 4 }).map((column) => column.column)).toEqual(["Sinovac 4th dose"]);
    expect(doseColumnsFor({ doseNumber: 7 })).toEqual([]);
    expect(doseColumnsFor(null)).toHaveLength(12);
  });

  it("map the file's M/F to Sex and back, refusing anything else", () => {
    expect(sexFromFile("M")).toBe(Sex.MALE);
    expect(sexFromFile("F")).toBe(Sex.FEMALE);
    expect(sexInFile(Sex.FEMALE)).toBe("F");
    expect(() => sexFromFile("X")).toThrow(/"X"/);
  });
});
