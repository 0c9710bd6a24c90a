import { describe, expect, it } from "vitest";
import { ALL_DATASETS_READ, CATALOGUE_READ, statementReads } from "../src/dataset-reads.js";
import { typedTable } from "../src/records/typed-table.js";

describe("what a statement reads", () => {
  it("is the dataset whose typed table it names, a dataset registered outside the plan too", () => {
    const sql = `SELECT count(*) FROM ${typedTable("bench-synthetic-wide")} t LEFT JOIN "Record" r ON r.id = t.id WHERE t.f5 = $1`;
    expect([...statementReads(sql, ["Kwun Tong"])]).toEqual(["bench-synthetic-wide"]);
  });

  it("is each dataset named by a typed table or by a parameter", () => {
    const sql = `SELECT 1 FROM ${typedTable("ha-aed-waiting-time")} t JOIN "Ingestion" i ON i.id = t."ingestionId" WHERE i."datasetId" = $1`;
    expect([...statementReads(sql, ["hb-covid19-vaccination-by-age"])].sort()).toEqual(["ha-aed-waiting-time", "hb-covid19-vaccination-by-age"]);
  });

  it("is the catalogue for its tables alone, and every dataset for records named by nothing", () => {
    expect([...statementReads(`SELECT * FROM "Dataset" d JOIN "Release" r ON r."datasetId" = d.id`, [])]).toEqual([CATALOGUE_READ]);
    expect([...statementReads(`SELECT count(*) FROM "Record"`, [])]).toEqual([ALL_DATASETS_READ]);
  });
});
