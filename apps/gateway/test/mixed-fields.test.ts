import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";
import { ingestFile } from "@hkhealth/ingest";
import { offPlanDatasets } from "@hkhealth/plan";
import { registerDataset } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

// CHP's case list types Age as STRING: it holds numbers ("45", "101") and text ("<1", "Pending").
// A range filter on it must compare the numbers as numbers, and never match the text.

const datasetId = "dh-chp-covid19-cases";
const ownFile = resolve(import.meta.dirname, "../../../packages/subgraphs/dh/test/fixtures/chp/enhanced_sur_covid_19_eng.csv");
const shared = sharedFiles("fixtures/dh-chp-covid19/enhanced_sur_covid_19_eng.csv");

/** The file's Age cells, read here without the ingest (the case list has no quoted commas in Age). */
function agesOf(path: string): string[] {
  const [header = "", ...lines] = readFileSync(path, "utf8").split(/\r?\n/).filter((line) => line !== "");
  const column = header.split(",").indexOf("Age");
  return lines.map((line) => line.split(",")[column]?.trim() ?? "");
}

const numericAges = (path: string) => agesOf(path).filter((age) => /^\d+$/.test(age)).map(Number);

async function ageCounts(harness: Harness): Promise<Record<string, number>> {
  const response = await harness.query(`{ dataset(id: "${datasetId}") {
    ninetyOrOver: records(filter: [{ field: "Age", gte: "90" }]) { totalCount }
    ninetyOrOverNumber: records(filter: [{ field: "Age", gte: 90 }]) { totalCount }
    underOne: records(filter: [{ field: "Age", lt: 1 }]) { totalCount }
    teens: records(filter: [{ field: "Age", gte: 10, lt: 20 }]) { totalCount }
    text: records(filter: [{ field: "Age", in: ["<1", "Pending"] }]) { totalCount }
  } }`);
  expect(response.errors).toBeUndefined();
  return Object.fromEntries(Object.entries(response.data.dataset).map(([name, value]: [string, any]) => [name, value.totalCount]));
}

function expectedCounts(path: string): Record<string, number> {
  const ages = numericAges(path);
  const text = agesOf(path).filter((age) => age === "<1" || age === "Pending").length;
  const over = ages.filter((age) => age >= 90).length;
  return { ninetyOrOver: over, ninetyOrOverNumber: over, underOne: ages.filter((age) => age < 1).length, teens: ages.filter((age) => age >= 10 && age < 20).length, text };
}

async function harnessWith(path: string): Promise<Harness> {
  const harness = await startHarness();
  await registerDataset(harness.store.prisma, offPlanDatasets.find((dataset) => dataset.id === datasetId)!);
  expect((await ingestFile(harness.store, { datasetId, location: path })).status).toBe("ingested");
  return harness;
}

describe("a STRING field of numbers and text (CHP's Age), filtered by range", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await harnessWith(ownFile);
  }, 120_000);
  afterAll(() => harness?.close());

  it("compares the numbers numerically and never matches the text values", async () => {
    const expected = expectedCounts(ownFile);
    // The file's own: 91 and 101 are 90 or over; "<1" and "Pending" are text.
    expect(expected).toMatchObject({ ninetyOrOver: 2, text: 3 });
    expect(await ageCounts(harness)).toEqual(expected);
  });

  it("gives the values back as published, text in a STRING field, and finds a number's text with eq", async () => {
    const response = await harness.query(`{ dataset(id: "${datasetId}") {
      fields { name type }
      records(first: 100) { edges { node { fields } } }
      aged45: records(filter: [{ field: "Age", eq: 45 }]) { totalCount }
      aged45Text: records(filter: [{ field: "Age", in: ["45"] }]) { totalCount }
    } }`);
    expect(response.errors).toBeUndefined();
    const { fields, records, aged45, aged45Text } = response.data.dataset;
    expect(fields.find((field: any) => field.name === "Age").type).toBe("STRING");
    expect(records.edges.map((edge: any) => edge.node.fields.Age ?? "")).toEqual(agesOf(ownFile));
    expect(fields.find((field: any) => field.name === "Case no.").type).toBe("NUMBER");
    expect(records.edges.every((edge: any) => typeof edge.node.fields["Case no."] === "number")).toBe(true);
    const published45 = agesOf(ownFile).filter((age) => age === "45").length;
    expect(aged45.totalCount).toBe(published45);
    expect(aged45Text.totalCount).toBe(published45);
  });

  it("compares text as text when the value is no number", async () => {
    const response = await harness.query(`{ dataset(id: "${datasetId}") { records(filter: [{ field: "Gender", gte: "M" }]) { edges { node { fields } } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.dataset.records.edges.every((edge: any) => edge.node.fields.Gender >= "M")).toBe(true);
  });
});

describe.skipIf(!shared.present)(shared.title("the published case list's Age, filtered by range"), () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await harnessWith(shared.path("fixtures/dh-chp-covid19/enhanced_sur_covid_19_eng.csv"));
  }, 300_000);
  afterAll(() => harness?.close());

  it("finds the 96 cases aged 90 or over, not the 82 \"<1\" nor the 7 \"Pending\"", async () => {
    const path = shared.path("fixtures/dh-chp-covid19/enhanced_sur_covid_19_eng.csv");
    const expected = expectedCounts(path);
    expect(expected).toMatchObject({ ninetyOrOver: 96, text: 89 });
    expect(await ageCounts(harness)).toEqual(expected);
  });
});
