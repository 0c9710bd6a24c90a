import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import { createContext, type Subgraph } from "@hkhealth/subgraph-kit";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHealthBureauSubgraph } from "../src/index.js";

// The Health Bureau subgraph on its own, over a store holding the fixtures ingested the one way
// files are ingested. End-to-end tests through the gateway are in apps/gateway/test/typed-hb.test.ts.

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
let store: Store;
let subgraph: Subgraph;

beforeAll(async () => {
  store = await createTestStore();
  await loadCatalogue(store.prisma);
  subgraph = await buildHealthBureauSubgraph();
  await ingestFile(store, { datasetId: "hb-dhc-main-centres", location: fixture("dhc-main-centres.json"), releaseId: "hb-dhc-main-centres@2022-01" });
  await ingestFile(store, { datasetId: "hb-dhc-express-main-centres", location: fixture("dhc-express-main-centres.json"), releaseId: "hb-dhc-express-main-centres@2022-01" });
  await ingestFile(store, { datasetId: "hb-ehrss-healthcare-providers", location: fixture("ehrss-healthcare-providers.xml") });
});
afterAll(async () => {
  await store?.close();
});

async function query(source: string, variableValues?: Record<string, unknown>) {
  const result = await graphql({ schema: subgraph.schema, source, variableValues, contextValue: createContext(store) });
  expect(result.errors).toBeUndefined();
  return result.data as any;
}

/** BioNTech doses of each age group in 2021, summed from the CSV text itself. */
function bioNTech2021ByAgeGroup(...files: string[]): Map<string, number> {
  const rowsByKey = new Map<string, string[]>();
  for (const file of files) {
    const [header, ...rows] = readFileSync(fixture(file), "utf8").replace(/^\uFEFF/, "").split("\n").map((line) => line.split(",").map((cell) => cell.replaceAll('"', "")));
    for (const row of rows) rowsByKey.set(row.slice(0, 3).join("|"), row); // a later file's row replaces an earlier one
    expect(header?.slice(9)).toEqual(["BioNTech 1st dose", "BioNTech 2nd dose", "BioNTech 3rd dose", "BioNTech 4th dose", "BioNTech 5th dose", "BioNTech 6th dose"]);
  }
  const totals = new Map<string, number>();
  for (const row of rowsByKey.values()) {
    if (!row[0]?.startsWith("2021-")) continue;
    const doses = row.slice(9).reduce((sum, cell) => sum + Number(cell), 0);
    totals.set(row[1]!, (totals.get(row[1]!) ?? 0) + doses);
  }
  return totals;
}

describe("vaccination files that republish the whole history", () => {
  const totalsQuery = `{ vaccinationTotals(groupBy: [AGE_GROUP], filter: { vaccine: BIONTECH, from: "2021-01-01", to: "2021-12-31" }) { ageGroup doses } }`;
  const asMap = (totals: Array<{ ageGroup: string; doses: number }>) => new Map(totals.map((total) => [total.ageGroup, total.doses]));

  it("count each day, age group and sex once, from the latest file that has it", async () => {
    await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: fixture("vaccination-rates-over-time-by-age.csv"), observedAt: new Date("2022-01-01T12:00:00+08:00") });
    expect(asMap((await query(totalsQuery)).vaccinationTotals)).toEqual(bioNTech2021ByAgeGroup("vaccination-rates-over-time-by-age.csv"));

    await ingestFile(store, {
      datasetId: "hb-covid19-vaccination-by-age",
      location: fixture("vaccination-rates-over-time-by-age.republished.csv"),
      observedAt: new Date("2022-01-02T12:00:00+08:00"),
    });
    const revised = bioNTech2021ByAgeGroup("vaccination-rates-over-time-by-age.csv", "vaccination-rates-over-time-by-age.republished.csv");
    expect(asMap((await query(totalsQuery)).vaccinationTotals)).toEqual(revised);
    // The corrected row moved the 20-29 total by the correction (50), not by a second copy of the year.
    expect(revised.get("20-29")! - bioNTech2021ByAgeGroup("vaccination-rates-over-time-by-age.csv").get("20-29")!).toBe(50);

    const { vaccinationTotals } = await query(`{ vaccinationTotals(groupBy: [DATE]) { date doses } }`);
    expect(vaccinationTotals.map((total: { date: string }) => total.date)).toEqual(["2021-02-22", "2021-12-31", "2022-01-01", "2022-01-02"]);
  });

  it("total over nothing and over everything", async () => {
    const { none, all } = await query(`{
      none: vaccinationTotals(groupBy: [], filter: { doseNumber: 6 }) { date ageGroup sex vaccine doseNumber doses }
      all: vaccinationTotals(groupBy: [VACCINE, DOSE_NUMBER, SEX, AGE_GROUP, DATE]) { doses }
    }`);
    expect(none).toEqual([{ date: null, ageGroup: null, sex: null, vaccine: null, doseNumber: null, doses: 0 }]);
    expect(all).toHaveLength(16 * 12); // 16 rows of the republished file, 12 cells each
  });
});

describe("District Health Centres", () => {
  it("match a district by its English or Chinese name, with or without District/區, case ignored", async () => {
    for (const district of ["Kwai Tsing", "kwai tsing district", "葵青", "葵青區"]) {
      const { districtHealthCentres } = await query(`query($district: String) { districtHealthCentres(district: $district) { name(lang: ZH_HANT) kind } }`, { district });
      expect(districtHealthCentres, district).toEqual([{ name: "葵青地區康健中心", kind: "CENTRE" }]);
    }
  });

  it("list both kinds, Express without opening hours, with coordinates and a release", async () => {
    const { districtHealthCentres } = await query(`{
      districtHealthCentres { kind name district(lang: ZH_HANT) address openingHours latitude longitude telephone dataset { id } release { id } }
    }`);
    expect(districtHealthCentres).toHaveLength(7);
    expect(districtHealthCentres.filter((centre: { kind: string }) => centre.kind === "EXPRESS")).toHaveLength(3);
    expect(districtHealthCentres[0]).toEqual({
      kind: "CENTRE",
      name: "Kwai Tsing District Health Centre",
      district: "葵青區",
      address: "G/F, Sample Building, 1 Example Road, Kwai Chung",
      openingHours: expect.stringMatching(/^Monday to Friday/),
      latitude: 22.3571,
      longitude: 114.1296,
      telephone: "2000 0001",
      dataset: { id: "hb-dhc-main-centres" },
      release: { id: "hb-dhc-main-centres@2022-01" },
    });
    expect(districtHealthCentres[4]).toMatchObject({ kind: "EXPRESS", name: "Wan Chai District Health Centre Express", openingHours: null, dataset: { id: "hb-dhc-express-main-centres" } });
  });

  it("serve only a dataset's latest file", async () => {
    // The same layout, one centre fewer, observed later: it replaces the first file.
    const smaller = resolve(await mkdtemp(resolve(tmpdir(), "hb-dhc-")), "dhc-express-main-centres.json");
    const centres = JSON.parse(readFileSync(fixture("dhc-express-main-centres.json"), "utf8")) as unknown[];
    await writeFile(smaller, JSON.stringify(centres.slice(1)));
    await ingestFile(store, { datasetId: "hb-dhc-express-main-centres", location: smaller, observedAt: new Date(Date.now() + 60_000) });
    const { healthBureau } = await query(`{ healthBureau { districtHealthCentreViews { datasetId centres { name } } } }`);
    expect(healthBureau.districtHealthCentreViews.map((view: { centres: unknown[] }) => view.centres.length)).toEqual([4, 2]);
  });
});

describe("eHRSS providers", () => {
  it("filter by type and district in either language", async () => {
    const { byType, byBoth, inChinese } = await query(`{
      byType: ehrssProviders(type: "private hospital") { totalCount edges { node { name } } }
      byBoth: ehrssProviders(type: "Medical Clinic", district: "Wan Chai") { edges { node { name(lang: ZH_HANT) type(lang: ZH_HANT) district address } } }
      inChinese: ehrssProviders(type: "安老院舍", district: "九龍城") { edges { node { name } } }
    }`);
    expect(byType.totalCount).toBe(4);
    expect(byType.edges.map((edge: any) => edge.node.name)).toContain("Hong Kong Sanatorium & Hospital");
    expect(byBoth.edges).toEqual([
      { node: { name: "海港家庭診所", type: "診所", district: "Wan Chai", address: "Room 101, Sample Building, 8 Example Road, Wan Chai" } },
    ]);
    expect(inChinese.edges).toEqual([{ node: { name: "Evergreen Elderly Home" } }]);
  });

  it("count providers per type in PostgreSQL", async () => {
    const { ehrssProviderCounts, inShaTin } = await query(`{
      ehrssProviderCounts { type type_zh: type(lang: ZH_HANT) count }
      inShaTin: ehrssProviderCounts(district: "Sha Tin") { type count }
    }`);
    expect(ehrssProviderCounts).toEqual([
      { type: "Private Hospital", type_zh: "私家醫院", count: 4 },
      { type: "Medical Clinic", type_zh: "診所", count: 3 },
      { type: "Residential Care Home for the Elderly", type_zh: "安老院舍", count: 2 },
      { type: "Medical Group", type_zh: "醫療集團", count: 1 },
    ]);
    expect(inShaTin).toEqual([
      { type: "Medical Clinic", count: 1 },
      { type: "Residential Care Home for the Elderly", count: 1 },
    ]);
  });

  it("page through every provider in published order, a provider without a place having no district", async () => {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await query(`query($after: String) { ehrssProviders(first: 3, after: $after) { edges { node { name district } } pageInfo { hasNextPage endCursor } } }`, { after })).ehrssProviders;
      names.push(...page.edges.map((edge: any) => edge.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (!after) expect(page.edges.at(-1).node).toEqual({ name: "Victoria Medical Group", district: null });
    } while (after);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe("Hong Kong Sanatorium & Hospital");
  });
});
