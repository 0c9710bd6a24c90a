import { healthFactsYearColumn } from "@hkhealth/plan";
// The plan package loads reflect-metadata, which the typed models' decorators need.
import "@hkhealth/plan";
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { parseCsv, parseXlsx, type FormatParser } from "@hkhealth/ingest/formats";
import { normaliseValue } from "@hkhealth/ingest/values";
import { describe, expect, it } from "vitest";
import { parseHealthFact, type HealthFact } from "../src/health-facts/health-fact.js";

const yearColumn = healthFactsYearColumn;

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures/health-facts", name);

/** A Health Facts file read by the ingest's own reader, values normalised as stored, as typed facts. */
async function factsOf(parser: FormatParser, name: string): Promise<Array<Omit<HealthFact, "ingestionId" | "datasetId">>> {
  const parsed = await parser({ source: name, open: () => createReadStream(fixture(name)) });
  const facts: Array<Omit<HealthFact, "ingestionId" | "datasetId">> = [];
  for await (const row of parsed.rows) {
    const fields = Object.fromEntries(Object.entries(row.fields).map(([name, raw]) => [name, normaliseValue(raw).value]));
    for (const [name, cell] of Object.entries(fields)) {
      if (!yearColumn.test(name) || cell === null) continue;
      const { ingestionId: _ingestion, datasetId: _dataset, ...fact } = parseHealthFact({ datasetId: "dh-health-facts", ingestionId: 0 }, fields, Number(name), cell)!;
      facts.push(fact);
    }
  }
  return facts;
}

describe("the Health Facts fixtures", () => {
  it("give the same facts from the XLSX and the CSV", async () => {
    const fromXlsx = await factsOf(parseXlsx, "health-facts.xlsx");
    const fromCsv = await factsOf(parseCsv, "health-facts.csv");
    // 17 statistics over 3 years, less the one empty cell.
    expect(fromXlsx).toHaveLength(17 * 3 - 1);
    expect(fromCsv).toEqual(fromXlsx);
  });

  it("read thousands-separated figures, decimals and text cells", async () => {
    const facts = await factsOf(parseCsv, "health-facts.csv");
    const find = (item: string, year: number) => facts.find((fact) => fact.itemEn === item && fact.year === year);
    expect(find("Mid-year population", 2022)).toMatchObject({ value: 7346100, valueText: null, sectionEn: "Population", sectionZh: "人口", unitEn: "persons" });
    expect(find("Life expectancy at birth (male)", 2020)).toMatchObject({ value: 83, itemZh: "出生時平均預期壽命（男）" });
    expect(find("Infant mortality rate", 2022)).toMatchObject({ value: null, valueText: "N.A." });
    expect(find("Maternal mortality ratio", 2021)).toBeUndefined();
    expect(find("Maternal mortality ratio", 2022)).toMatchObject({ value: 0 });
  });
});
