import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";
import { ingestFile } from "@hkhealth/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetches, startHarness, type Harness } from "./harness.js";

// The Health Bureau's typed views through the gateway, over files ingested the one way files are
// ingested: the real vaccination CSV when the shared fixtures are there (they must be on CI), the
// package's small one in the same layout otherwise; the DHC and eHRSS fixtures written in the
// layouts described in packages/subgraphs/hb/test/fixtures/README.md.

const repo = resolve(import.meta.dirname, "../../..");
const REAL_VACCINATION_FILE = "fixtures/hb-covid19-vaccination-by-age/vaccination-rates-over-time-by-age.csv";
const realVaccination = sharedFiles(REAL_VACCINATION_FILE);
const hbFixture = (name: string) => resolve(repo, "packages/subgraphs/hb/test/fixtures", name);
const vaccinationFile = realVaccination.present ? realVaccination.path(REAL_VACCINATION_FILE) : hbFixture("vaccination-rates-over-time-by-age.csv");

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await ingestFile(harness.store, { datasetId: "hb-covid19-vaccination-by-age", location: vaccinationFile });
  await ingestFile(harness.store, { datasetId: "hb-dhc-main-centres", location: hbFixture("dhc-main-centres.json"), releaseId: "hb-dhc-main-centres@2022-01" });
  await ingestFile(harness.store, { datasetId: "hb-dhc-express-main-centres", location: hbFixture("dhc-express-main-centres.json"), releaseId: "hb-dhc-express-main-centres@2022-01" });
  await ingestFile(harness.store, { datasetId: "hb-ehrss-healthcare-providers", location: hbFixture("ehrss-healthcare-providers.xml") });
});
afterAll(async () => {
  await harness?.close();
});


let rows: Array<Record<string, string>> | undefined;

/** The vaccination CSV as rows of named cells, read here on its own (every cell is quoted, none holds a comma). */
function vaccinationRows(): Array<Record<string, string>> {
  if (rows) return rows;
  const [header, ...lines] = readFileSync(vaccinationFile, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((line) => line !== "");
  const cells = (line: string) => line.split(",").map((cell) => cell.replace(/^"(.*)"$/, "$1"));
  const names = cells(header!);
  const split = lines.map(cells);
  expect(split.filter((row) => row.length !== names.length)).toEqual([]);
  rows = split.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index]!])));
  return rows;
}

/** Sums the test computes itself: doses per age group of one vaccine's six dose columns over a year. */
function dosesPerAgeGroup(vaccine: "BioNTech" | "Sinovac", year: string): Array<{ ageGroup: string; doses: number }> {
  const totals = new Map<string, number>();
  for (const row of vaccinationRows()) {
    if (!row["Date"]!.startsWith(`${year}-`)) continue;
    const doses = ["1st", "2nd", "3rd", "4th", "5th", "6th"].reduce((sum, ordinal) => sum + Number(row[`${vaccine} ${ordinal} dose`]), 0);
    totals.set(row["Age Group"]!, (totals.get(row["Age Group"]!) ?? 0) + doses);
  }
  return [...totals].map(([ageGroup, doses]) => ({ ageGroup, doses })).sort((a, b) => (a.ageGroup < b.ageGroup ? -1 : 1));
}

const byAgeGroup = (totals: Array<{ ageGroup: string; doses: number }>) => [...totals].sort((a, b) => (a.ageGroup < b.ageGroup ? -1 : 1));

describe(`COVID-19 vaccination by age group (D19), from ${realVaccination.present ? "the real published file" : "our own fixture file"}`, () => {
  it("answers doses per age group for BioNTech in 2021, from the dataset's typed view and from the root field", async () => {
    const response = await harness.query(`{
      dataset(id: "hb-covid19-vaccination-by-age") {
        title
        view {
          __typename
          ... on VaccinationByAgeView {
            datasetId
            dataset { id }
            totals(groupBy: [AGE_GROUP], filter: { vaccine: BIONTECH, from: "2021-01-01", to: "2021-12-31" }) { ageGroup sex vaccine doses }
          }
        }
      }
      vaccinationTotals(groupBy: [AGE_GROUP], filter: { vaccine: BIONTECH, from: "2021-01-01", to: "2021-12-31" }) { ageGroup doses }
    }`);
    expect(response.errors).toBeUndefined();
    const expected = dosesPerAgeGroup("BioNTech", "2021");
    expect(expected.length).toBeGreaterThan(1);
    const { view } = response.data.dataset;
    expect(view).toMatchObject({ __typename: "VaccinationByAgeView", datasetId: "hb-covid19-vaccination-by-age", dataset: { id: "hb-covid19-vaccination-by-age" } });
    expect(view.totals.every((total: { sex: unknown; vaccine: unknown }) => total.sex === null && total.vaccine === null)).toBe(true);
    expect(byAgeGroup(view.totals.map(({ ageGroup, doses }: { ageGroup: string; doses: number }) => ({ ageGroup, doses })))).toEqual(expected);
    expect(byAgeGroup(response.data.vaccinationTotals)).toEqual(expected);
    expect(fetches(harness.queryPlans.at(-1)!)).toContainEqual({ serviceName: "health-bureau", entities: true });
  });

  it("totals by several dimensions at once, matching the file", async () => {
    const response = await harness.query(`{
      vaccinationTotals(groupBy: [SEX, DOSE_NUMBER], filter: { vaccine: SINOVAC, ageGroup: "80 and above" }) { sex doseNumber doses }
    }`);
    expect(response.errors).toBeUndefined();
    const expected = new Map<string, number>();
    for (const row of vaccinationRows().filter((row) => row["Age Group"] === "80 and above")) {
      for (const [index, ordinal] of ["1st", "2nd", "3rd", "4th", "5th", "6th"].entries()) {
        const key = `${row["Sex"] === "M" ? "MALE" : "FEMALE"} ${index + 1}`;
        expected.set(key, (expected.get(key) ?? 0) + Number(row[`Sinovac ${ordinal} dose`]));
      }
    }
    const totals = response.data.vaccinationTotals as Array<{ sex: string; doseNumber: number; doses: number }>;
    expect(totals).toHaveLength(12);
    expect(new Map(totals.map((total) => [`${total.sex} ${total.doseNumber}`, total.doses]))).toEqual(expected);
  });

  const dosesQuery = `query Doses($first: Int, $after: String) {
    healthBureau {
      vaccinationByAgeView {
        doses(first: $first, after: $after, filter: { vaccine: BIONTECH }) {
          totalCount
          edges { cursor node { date ageGroup sex vaccine doseNumber doses dataset { id title } release { id planRow } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

  it("pages through doses, one object per vaccine and dose number of each published row, linked to its dataset and release", async () => {
    const first = await harness.query(dosesQuery, { first: 7 });
    expect(first.errors).toBeUndefined();
    const page = first.data.healthBureau.vaccinationByAgeView.doses;
    expect(page.totalCount).toBe(vaccinationRows().length * 6);
    const [firstRow] = vaccinationRows();
    expect(page.edges.slice(0, 6).map((edge: any) => edge.node)).toEqual(
      ["1st", "2nd", "3rd", "4th", "5th", "6th"].map((ordinal, index) => ({
        date: firstRow!["Date"],
        ageGroup: firstRow!["Age Group"],
        sex: firstRow!["Sex"] === "M" ? "MALE" : "FEMALE",
        vaccine: "BIONTECH",
        doseNumber: index + 1,
        doses: Number(firstRow![`BioNTech ${ordinal} dose`]),
        dataset: { id: "hb-covid19-vaccination-by-age", title: "Number of COVID-19 Vaccinations by Age Group" },
        release: { id: "hb-covid19-vaccination-by-age@2021-12", planRow: "D19" },
      })),
    );
    const next = await harness.query(dosesQuery, { first: 7, after: page.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const both = await harness.query(dosesQuery, { first: 14 });
    expect([...page.edges, ...next.data.healthBureau.vaccinationByAgeView.doses.edges]).toEqual(both.data.healthBureau.vaccinationByAgeView.doses.edges);
  });

  it("costs the same SQL statements for a page of 1, 10 or 100 doses (all of them, when the file has fewer)", async () => {
    const counts: number[] = [];
    const doses = vaccinationRows().length * 6;
    expect(doses).toBeGreaterThan(10);
    for (const first of [1, 10, Math.min(100, doses)]) {
      const { result, statements } = await harness.store.sqlLog.record(() => harness.query(dosesQuery, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data.healthBureau.vaccinationByAgeView.doses.edges).toHaveLength(first);
      counts.push(statements.length);
    }
    // page, count, ingestions by id, then the plan's datasets and releases by id: one each.
    expect(counts).toEqual([5, 5, 5]);
  });

  it("would cost a statement per dose without the loaders (positive control: the counter sees an N+1)", async () => {
    const query = `query Doses($first: Int) {
      healthBureau { vaccinationByAgeView { doses(first: $first, filter: { vaccine: BIONTECH }) { totalCount edges { node { release { id } } } } } }
    }`;
    for (const first of [1, 10]) {
      const { result, statements } = await harness.unbatched("health-bureau", query, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data!.healthBureau.vaccinationByAgeView.doses.edges).toHaveLength(first);
      // page and count, then each dose's ingestion (for its release) on its own.
      expect(statements).toHaveLength(2 + first);
    }
  });

  it("refuses a cursor it did not give out and a page too large", async () => {
    const bad = await harness.query(dosesQuery, { first: 5, after: "bm9wZQ" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const large = await harness.query(dosesQuery, { first: 1000 });
    expect(large.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("District Health Centres (A1, A2)", () => {
  it("lists centres of a district by its Chinese name, with coordinates and links back to the plan", async () => {
    const response = await harness.query(`{
      districtHealthCentres(district: "灣仔") {
        kind name(lang: ZH_HANT) address(lang: ZH_HANT) openingHours latitude longitude
        dataset { id title(lang: ZH_HANT) } release { id planRow }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.districtHealthCentres).toEqual([
      {
        kind: "EXPRESS",
        name: "灣仔地區康健站",
        address: "灣仔範例道5號示例大廈2樓",
        openingHours: null,
        latitude: 22.2776,
        longitude: 114.1751,
        dataset: { id: "hb-dhc-express-main-centres", title: "地區康健站的主中心資料" },
        release: { id: "hb-dhc-express-main-centres@2022-01", planRow: "A2" },
      },
    ]);
  });
});

describe("eHRSS healthcare providers (D14, XML)", () => {
  it("filters providers by type and district and counts them per type", async () => {
    const response = await harness.query(`{
      ehrssProviders(type: "Private Hospital", district: "九龍城區") { totalCount edges { node { name name_zh: name(lang: ZH_HANT) address release { id } } } }
      ehrssProviderCounts { type(lang: ZH_HANT) count }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.ehrssProviders).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            name: "St. Teresa's Hospital",
            name_zh: "聖德肋撒醫院",
            address: "327 Prince Edward Road West, Kowloon",
            release: { id: "hb-ehrss-healthcare-providers@2019-03" },
          },
        },
      ],
    });
    expect(response.data.ehrssProviderCounts).toEqual([
      { type: "私家醫院", count: 4 },
      { type: "診所", count: 3 },
      { type: "安老院舍", count: 2 },
      { type: "醫療集團", count: 1 },
    ]);
  });
});

describe("Dataset.view", () => {
  it("reaches every Health Bureau view from the plan's datasets through _entities, centres of both DHC datasets in one statement", async () => {
    const query = `{
      datasets(first: 50, filter: { agency: HB }) {
        edges { node { id view {
          __typename
          ... on VaccinationByAgeView { datasetId dataset { id } totals(groupBy: [VACCINE]) { vaccine doses } }
          ... on DistrictHealthCentreView { datasetId dataset { id } centres { name kind } }
          ... on EhrssProviderView { datasetId dataset { id } providers(first: 2) { edges { node { name type } } } countsByType { type count } }
        } } }
      }
    }`;
    const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query));
    expect(result.errors).toBeUndefined();
    const views = Object.fromEntries(
      result.data.datasets.edges.filter((edge: any) => edge.node.view !== null).map((edge: any) => [edge.node.id, edge.node.view]),
    );
    expect(Object.keys(views).sort()).toEqual(["hb-covid19-vaccination-by-age", "hb-dhc-express-main-centres", "hb-dhc-main-centres", "hb-ehrss-healthcare-providers"]);
    expect(views["hb-dhc-main-centres"]).toMatchObject({ __typename: "DistrictHealthCentreView", dataset: { id: "hb-dhc-main-centres" } });
    expect(views["hb-dhc-main-centres"].centres).toHaveLength(4);
    expect(views["hb-dhc-express-main-centres"].centres.map((centre: { kind: string }) => centre.kind)).toEqual(["EXPRESS", "EXPRESS", "EXPRESS"]);
    expect(views["hb-ehrss-healthcare-providers"]).toMatchObject({
      __typename: "EhrssProviderView",
      providers: { edges: [{ node: { name: "Hong Kong Sanatorium & Hospital", type: "Private Hospital" } }, { node: { name: "St. Teresa's Hospital" } }] },
    });
    const byVaccine = Object.fromEntries(views["hb-covid19-vaccination-by-age"].totals.map((total: any) => [total.vaccine, total.doses]));
    const fileTotal = (vaccine: string) =>
      vaccinationRows().reduce((sum, row) => sum + ["1st", "2nd", "3rd", "4th", "5th", "6th"].reduce((cells, ordinal) => cells + Number(row[`${vaccine} ${ordinal} dose`]), 0), 0);
    expect(byVaccine).toEqual({ BIONTECH: fileTotal("BioNTech"), SINOVAC: fileTotal("Sinovac") });

    expect(fetches(harness.queryPlans.at(-1)!)).toEqual([
      { serviceName: "plan", entities: false },
      { serviceName: "health-bureau", entities: true },
    ]);
    expect(statements.filter((sql) => sql.includes("district_en"))).toHaveLength(1);
  });
});
