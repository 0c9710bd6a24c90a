import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseXlsx } from "../../src/formats/xlsx.js";
import { failureOf, fileInput, fixture, readAll, startingWith } from "./read.js";

// The workbooks are made by test/fixtures/formats/make-xlsx.ts.
describe("parseXlsx", () => {
  it("reads the first sheet from its first non-empty row, converting each kind of cell", async () => {
    const { metadata, rows } = await readAll(parseXlsx, fileInput(fixture("ha-clinics.xlsx")));
    expect(metadata).toEqual({});
    expect(rows.map(({ ordinal, location }) => ({ ordinal, location }))).toEqual([
      { ordinal: 1, location: "row 3 of sheet Clinics" },
      { ordinal: 2, location: "row 5 of sheet Clinics" },
      { ordinal: 3, location: "row 6 of sheet Clinics" },
    ]);
    expect(rows[0]?.fields).toEqual({
      Clinic: "Harbour GOPC",
      Opened: "2021-02-22", // date cell
      Quota: 120, // number cell
      Note: "Walk-in and phone booking", // rich text
      "Last updated": "2024-01-05T09:30:00", // date-time cell: wall clock, no zone
      "Accepts new cases": true,
      "Double quota": 240, // formula result
      Website: "HA", // hyperlink text
      Remarks: "", // empty cell
    });
    expect(rows[1]?.fields).toMatchObject({ Quota: 85.5, "Last updated": "", "Accepts new cases": false, Remarks: "Closed on Sunday" });
    expect(rows[2]?.fields).toMatchObject({ Opened: "2020-03-09", Quota: 0 });
  });

  it("reads the sheet it is given", async () => {
    const { rows } = await readAll(parseXlsx, fileInput(fixture("ha-clinics.xlsx"), { sheet: "Quota by district" }));
    expect(rows).toEqual([
      { ordinal: 1, location: "row 2 of sheet Quota by district", fields: { District: "Eastern", Quota: 300 } },
      { ordinal: 2, location: "row 3 of sheet Quota by district", fields: { District: "Sai Kung", Quota: 150 } },
    ]);
  });

  it("fails on an unknown sheet, listing the sheets", async () => {
    const path = fixture("ha-clinics.xlsx");
    const message = await failureOf(readAll(parseXlsx, fileInput(path, { sheet: "Hospitals" })));
    expect(message).toBe(`${path}: no sheet named "Hospitals"; the sheets are: Clinics, Quota by district`);
  });

  it("fails on a repeated header name, naming the row, column and field", async () => {
    const path = fixture("duplicate-header.xlsx");
    const message = await failureOf(readAll(parseXlsx, fileInput(path)));
    expect(message).toBe(`${path}: row 1 of sheet Sheet1: field "Clinic": column 3 of the header repeats the name of column 1`);
  });

  it("fails on a value in a column the header does not name", async () => {
    const path = fixture("value-beyond-header.xlsx");
    const message = await failureOf(readAll(parseXlsx, fileInput(path)));
    expect(message).toBe(`${path}: row 3 of sheet Sheet1: column 3 has a value but the header names only 2 columns`);
  });

  it("fails on a CSV file, saying it is not a readable workbook", async () => {
    const path = fixture("latest_situation_of_reported_cases_covid_19_eng.csv");
    const message = await failureOf(readAll(parseXlsx, fileInput(path)));
    expect(message).toMatch(startingWith(path, `: not a readable XLSX workbook`));
  });

  it("fails on a JSON file, saying it is not a readable workbook", async () => {
    const path = fixture("aedwtdata2-en.json");
    const message = await failureOf(readAll(parseXlsx, fileInput(path)));
    expect(message).toMatch(startingWith(path, `: not a readable XLSX workbook`));
  });

  it("passes on the error of a file that cannot be opened, instead of waiting forever", async () => {
    const path = fixture("missing.xlsx");
    await expect(readAll(parseXlsx, fileInput(path))).rejects.toMatchObject({ code: "ENOENT" });
  });

  // Both fixtures put their worksheets before xl/sharedStrings.xml, so exceljs spills each sheet
  // to a temporary file and deletes it only when asked for what comes next.
  describe("temporary files of sheets that come before the shared strings", () => {
    let scratch: string;
    let tmpdirBefore: string | undefined;
    beforeEach(() => {
      tmpdirBefore = process.env.TMPDIR;
      scratch = mkdtempSync(join(tmpdir(), "xlsx-spill-"));
      process.env.TMPDIR = scratch; // read by os.tmpdir() at each call, so exceljs spills here
    });
    afterEach(() => {
      if (tmpdirBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirBefore;
      rmSync(scratch, { recursive: true, force: true });
    });
    // exceljs deletes a spilled sheet's file asynchronously once it moves on.
    const spillsDeleted = () => vi.waitFor(() => expect(readdirSync(scratch)).toEqual([]), { timeout: 2000 });

    it("are all gone after reading a sheet that is not the first", async () => {
      const { rows } = await readAll(parseXlsx, fileInput(fixture("ha-clinics.xlsx"), { sheet: "Quota by district" }));
      expect(rows).toHaveLength(2);
      await spillsDeleted();
    });

    it("are all gone after reading only the first sheet", async () => {
      await readAll(parseXlsx, fileInput(fixture("ha-clinics.xlsx")));
      await spillsDeleted();
    });

    it("are all gone after a refused header", async () => {
      await failureOf(readAll(parseXlsx, fileInput(fixture("duplicate-header.xlsx"))));
      await spillsDeleted();
    });

    it("are all gone when the reader stops after one row", async () => {
      const { rows } = await parseXlsx(fileInput(fixture("ha-clinics.xlsx")));
      for await (const row of rows) {
        expect(row.ordinal).toBe(1);
        break;
      }
      await spillsDeleted();
    });

    it("are all gone after asking for a sheet that does not exist", async () => {
      await failureOf(readAll(parseXlsx, fileInput(fixture("ha-clinics.xlsx"), { sheet: "Hospitals" })));
      await spillsDeleted();
    });
  });
});
