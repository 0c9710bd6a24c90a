import { resolve } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";
import { ingestFile } from "@hkhealth/ingest";
import { offPlanDatasets } from "@hkhealth/plan";
import { registerDataset } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "./csv-rows.js";
import { fetches, startHarness, type Harness } from "./harness.js";

// The Department of Health's typed views through the gateway: the Centre for Health Protection's
// COVID-19 files (outside the plan) and Health Facts of Hong Kong (plan row D7), each ingested
// once through the one ingest path and answered from the records store.

const repo = resolve(import.meta.dirname, "../../..");
const chpFiles = sharedFiles("fixtures/dh-chp-covid19");
const publishedChp = chpFiles.path("fixtures/dh-chp-covid19");
const dhFixtures = resolve(repo, "packages/subgraphs/dh/test/fixtures");

const files = {
  situation: "latest_situation_of_reported_cases_covid_19_eng.csv",
  cases: "enhanced_sur_covid_19_eng.csv",
  buildings: "building_list_eng.csv",
} as const;

const datasetIds = {
  situation: "dh-chp-covid19-situation",
  cases: "dh-chp-covid19-cases",
  buildings: "dh-chp-covid19-buildings",
} as const;

/** "08/01/2020" as "2020-01-08". */
function isoOf(dayFirst: string): string {
  const [day, month, year] = dayFirst.split("/");
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}


async function registerChpDatasets(harness: Harness): Promise<void> {
  for (const id of Object.values(datasetIds)) {
    const registration = offPlanDatasets.find((dataset) => dataset.id === id);
    if (!registration) throw new Error(`${id} is not among the plan package's offPlanDatasets`);
    await registerDataset(harness.store.prisma, registration);
  }
}

interface ChpSource {
  readonly dir: string;
  /** The CHP's own files, or fixtures written in their layout (which also carry a next day's case list). */
  readonly published: boolean;
}

/** Reads a file once, however many tests compare against it. */
function once<T>(read: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= read());
}

/** The CHP views' tests, against the files in `source.dir` ingested into the harness given. */
function describeChpViews(source: ChpSource, currentHarness: () => Harness): void {
  describe("CHP COVID-19 views", () => {
    let harness: Harness;
    const situation = once(() => readCsv(resolve(source.dir, files.situation)));
    const cases = once(() => readCsv(resolve(source.dir, files.cases)));
    const buildings = once(() => readCsv(resolve(source.dir, files.buildings)));

    beforeAll(async () => {
      harness = currentHarness();
      await registerChpDatasets(harness);
      // One ingest per file: the case list is 15,441 rows in the published file.
      for (const [key, file] of Object.entries(files)) {
        const result = await ingestFile(harness.store, { datasetId: datasetIds[key as keyof typeof files], location: resolve(source.dir, file) });
        expect(result.status).toBe("ingested");
      }
    }, 120_000);

    it("answer the latest situation day and a window of days, later rows' empty cells null", async () => {
      const rows = situation();
      const last = rows.at(-1)!;
      const window = rows.slice(-7).map((row) => isoOf(row["As of date"]!));
      const response = await harness.query(
        `query Days($from: Date, $to: Date) {
          departmentOfHealth { covidSituation {
            latest { date time confirmed deaths discharged critical positiveByRapidAntigenTest dataset { id title } release { id } }
            days(from: $from, to: $to) { date deaths }
            all: days { date }
          } }
        }`,
        { from: window[0], to: window.at(-1) },
      );
      expect(response.errors).toBeUndefined();
      const view = response.data.departmentOfHealth.covidSituation;
      const numberOrNull = (text: string | undefined) => (text ? Number(text) : null);
      expect(view.latest).toEqual({
        date: isoOf(last["As of date"]!),
        time: last["As of time"] || null,
        confirmed: numberOrNull(last["Number of confirmed cases"]),
        deaths: Number(last["Number of death cases"]),
        discharged: numberOrNull(last["Number of discharge cases"]),
        critical: numberOrNull(last["Number of hospitalised cases in critical condition"]),
        positiveByRapidAntigenTest: numberOrNull(last["Number of cases tested positive for SARS-CoV-2 virus by rapid antigen tests"]),
        dataset: { id: datasetIds.situation, title: "Latest situation of reported cases of COVID-19 in Hong Kong" },
        release: null,
      });
      // The file's later rows are sparse: confirmed cases stopped being reported in it.
      expect(view.latest.confirmed).toBeNull();
      expect(view.days.map((day: { date: string }) => day.date)).toEqual(window);
      expect(view.days.at(-1).deaths).toBe(Number(last["Number of death cases"]));
      expect(view.all).toHaveLength(rows.length);
      expect(view.all[0].date).toBe(isoOf(rows[0]!["As of date"]!));
    });

    it("count the cases per classification in PostgreSQL as the file has them", async () => {
      const expected = countBy(cases(), (row) => row["Classification*"] || null);
      const response = await harness.query(`{
        departmentOfHealth { covidCases {
          counts(groupBy: [CLASSIFICATION]) { classification gender count }
          all: counts(groupBy: []) { count }
        } }
      }`);
      expect(response.errors).toBeUndefined();
      const { counts, all } = response.data.departmentOfHealth.covidCases;
      expect(new Map(counts.map((group: { classification: string | null; count: number }) => [group.classification, group.count]))).toEqual(expected);
      expect(counts.every((group: { gender: unknown }) => group.gender === null)).toBe(true);
      expect(all).toEqual([{ count: cases().length }]);
    });

    it("count by report month and gender under a filter as the file has them", async () => {
      const imported = cases().filter((row) => row["Classification*"] === "Imported case" && row["HK/Non-HK resident"] === "HK resident");
      const expected = countBy(imported, (row) => `${isoOf(row["Report date"]!).slice(0, 7)} ${row["Gender"] || null}`);
      const response = await harness.query(`{
        departmentOfHealth { covidCases {
          counts(groupBy: [REPORT_MONTH, GENDER, GENDER], filter: { classification: "Imported case", resident: "HK resident" }) { reportMonth gender count }
        } }
      }`);
      expect(response.errors).toBeUndefined();
      const counts = response.data.departmentOfHealth.covidCases.counts as Array<{ reportMonth: string; gender: string | null; count: number }>;
      expect(new Map(counts.map((group) => [`${group.reportMonth} ${group.gender}`, group.count]))).toEqual(expected);
      const months = counts.map((group) => group.reportMonth);
      expect(months).toEqual([...months].sort());
    });

    it("count by age band, \"<1\" in the youngest band and \"Pending\" in none", async () => {
      const band = (age: string): string | null => {
        if (age === "<1") return "0-9";
        if (!/^\d+$/.test(age)) return null;
        const decade = Math.floor(Number(age) / 10) * 10;
        return decade >= 90 ? "90+" : `${decade}-${decade + 9}`;
      };
      const response = await harness.query(`{ departmentOfHealth { covidCases { counts(groupBy: [AGE_BAND]) { ageBand count } } } }`);
      expect(response.errors).toBeUndefined();
      const counts = response.data.departmentOfHealth.covidCases.counts as Array<{ ageBand: string | null; count: number }>;
      expect(new Map(counts.map((group) => [group.ageBand, group.count]))).toEqual(countBy(cases(), (row) => band(row["Age"]!)));
    });

    it("type the cases' mixed columns: ages and onsets that are text keep it", async () => {
      const rows = cases();
      const infant = rows.find((row) => row["Age"] === "<1")!;
      const asymptomatic = rows.find((row) => row["Date of onset"] === "Asymptomatic" && /^\d+$/.test(row["Age"]!))!;
      const dated = rows.find((row) => row["Date of onset"]!.includes("/"))!;
      const response = await harness.query(
        `query Cases($infant: Int!, $asymptomatic: Int!, $dated: Int!) {
          departmentOfHealth { covidCases {
            infant: case(caseNumber: $infant) { caseNumber reportDate age ageText onsetDate onsetText }
            asymptomatic: case(caseNumber: $asymptomatic) { age ageText onsetDate onsetText classification caseStatus }
            dated: case(caseNumber: $dated) { onsetDate onsetText gender resident status dataset { id } release { id } }
            none: case(caseNumber: 0) { caseNumber }
          } }
        }`,
        { infant: Number(infant["Case no."]), asymptomatic: Number(asymptomatic["Case no."]), dated: Number(dated["Case no."]) },
      );
      expect(response.errors).toBeUndefined();
      const view = response.data.departmentOfHealth.covidCases;
      expect(view.infant).toMatchObject({ caseNumber: Number(infant["Case no."]), reportDate: isoOf(infant["Report date"]!), age: null, ageText: "<1" });
      expect(view.asymptomatic).toEqual({
        age: Number(asymptomatic["Age"]),
        ageText: asymptomatic["Age"],
        onsetDate: null,
        onsetText: "Asymptomatic",
        classification: asymptomatic["Classification*"],
        caseStatus: asymptomatic["Case status*"],
      });
      expect(view.dated).toEqual({
        onsetDate: isoOf(dated["Date of onset"]!),
        onsetText: null,
        gender: dated["Gender"],
        resident: dated["HK/Non-HK resident"],
        status: dated["Hospitalised/Discharged/Deceased"],
        dataset: { id: datasetIds.cases },
        release: null,
      });
      expect(view.none).toBeNull();
    });

    it("page through filtered cases in case number order, with the file's total", async () => {
      const rows = cases();
      const reportDates = [...new Set(rows.map((row) => isoOf(row["Report date"]!)))].sort();
      const [from, to] = [reportDates[Math.floor(reportDates.length / 3)]!, reportDates[Math.floor((reportDates.length * 2) / 3)]!];
      const expected = rows
        .filter((row) => row["Gender"] === "F" && isoOf(row["Report date"]!) >= from && isoOf(row["Report date"]!) <= to)
        .map((row) => Number(row["Case no."]))
        .sort((a, b) => a - b);
      const query = `query Page($after: String, $from: Date, $to: Date) {
        departmentOfHealth { covidCases {
          cases(filter: { gender: "F", reportedFrom: $from, reportedTo: $to }, first: 3, after: $after) {
            totalCount edges { cursor node { caseNumber gender reportDate } } pageInfo { hasNextPage endCursor }
          }
        } }
      }`;
      const first = await harness.query(query, { from, to });
      expect(first.errors).toBeUndefined();
      const firstPage = first.data.departmentOfHealth.covidCases.cases;
      expect(firstPage.totalCount).toBe(expected.length);
      expect(firstPage.edges.map((edge: { node: { caseNumber: number } }) => edge.node.caseNumber)).toEqual(expected.slice(0, 3));
      expect(firstPage.pageInfo.hasNextPage).toBe(expected.length > 3);
      const second = await harness.query(query, { from, to, after: firstPage.pageInfo.endCursor });
      expect(second.errors).toBeUndefined();
      const secondPage = second.data.departmentOfHealth.covidCases.cases;
      expect(secondPage.edges.map((edge: { node: { caseNumber: number } }) => edge.node.caseNumber)).toEqual(expected.slice(3, 6));
      for (const edge of [...firstPage.edges, ...secondPage.edges]) {
        expect(edge.node.gender).toBe("F");
        expect(edge.node.reportDate >= from && edge.node.reportDate <= to).toBe(true);
      }
    });

    it("refuse a cursor from another list and a reversed date range", async () => {
      const response = await harness.query(`{
        departmentOfHealth { covidCases { cases(after: "bm9wZQ") { totalCount } } }
      }`);
      expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const reversed = await harness.query(`{
        departmentOfHealth { covidCases { counts(groupBy: [], filter: { reportedFrom: "2021-01-02", reportedTo: "2021-01-01" }) { count } } }
      }`);
      expect(reversed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("send as many SQL statements for a page of 1 case as for a page of 100", async () => {
      const query = `query Page($first: Int) {
        dataset(id: "${datasetIds.cases}") {
          view { ... on CovidCaseView {
            cases(first: $first) { totalCount edges { node { caseNumber age onsetText dataset { id title } release { id } } } }
          } }
        }
      }`;
      const counts: number[] = [];
      for (const first of [1, 10, 100]) {
        const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query, { first }));
        expect(result.errors).toBeUndefined();
        expect(result.data.dataset.view.cases.edges).toHaveLength(Math.min(first, cases().length));
        counts.push(statements.length);
      }
      // The dataset by id (its title comes from the same request's cache), the page, its total,
      // and the ingestions of its cases for their releases: one each, whatever the page size.
      expect(counts).toEqual([4, 4, 4]);
    });

    it("count the buildings per district in PostgreSQL as the list has them", async () => {
      const rows = buildings();
      const expected = countBy(rows, (row) => row["District"]!);
      const response = await harness.query(`{
        departmentOfHealth { covidBuildings { countsByDistrict { district count } } }
      }`);
      expect(response.errors).toBeUndefined();
      const counts = response.data.departmentOfHealth.covidBuildings.countsByDistrict as Array<{ district: string; count: number }>;
      expect(new Map(counts.map((group) => [group.district, group.count]))).toEqual(expected);
      expect(counts.reduce((sum, group) => sum + group.count, 0)).toBe(rows.length);
    });

    it("list a district's buildings and find them by name, in the list's order", async () => {
      const rows = buildings();
      const district = rows[0]!["District"]!;
      const inDistrict = rows.filter((row) => row["District"] === district);
      const quoted = rows.find((row) => row["Building name"]!.includes(","))!;
      const word = quoted["Building name"]!.split(",")[1]!.trim().toLowerCase();
      const named = rows.filter((row) => row["Building name"]!.toLowerCase().includes(word));
      const response = await harness.query(
        `query Buildings($district: String, $search: String) {
          departmentOfHealth { covidBuildings {
            inDistrict: buildings(district: $district, first: 100) { totalCount edges { node { district buildingName lastVisitDate relatedCases dataset { id } release { id } } } }
            named: buildings(search: $search, first: 100) { totalCount edges { node { buildingName } } }
          } }
        }`,
        { district, search: word.toUpperCase() },
      );
      expect(response.errors).toBeUndefined();
      const view = response.data.departmentOfHealth.covidBuildings;
      expect(view.inDistrict.totalCount).toBe(inDistrict.length);
      expect(view.inDistrict.edges.map((edge: { node: { buildingName: string } }) => edge.node.buildingName)).toEqual(
        inDistrict.slice(0, 100).map((row) => row["Building name"]),
      );
      expect(view.inDistrict.edges[0].node).toMatchObject({ district, dataset: { id: datasetIds.buildings }, release: null });
      expect(view.named.totalCount).toBe(named.length);
      expect(view.named.edges.map((edge: { node: { buildingName: string } }) => edge.node.buildingName)).toEqual(named.slice(0, 100).map((row) => row["Building name"]));
      const visited = rows.find((row) => row["Last date of visit of the case(s)"]);
      if (visited) {
        const found = await harness.query(`query Visited($name: String) { departmentOfHealth { covidBuildings { buildings(search: $name) { edges { node { buildingName lastVisitDate relatedCases } } } } } }`, {
          name: visited["Building name"],
        });
        expect(found.data.departmentOfHealth.covidBuildings.buildings.edges[0].node).toEqual({
          buildingName: visited["Building name"],
          lastVisitDate: isoOf(visited["Last date of visit of the case(s)"]!),
          relatedCases: visited["Related cases"] || null,
        });
      }
    });

    it("are reached from each Dataset's view, fetched from department-of-health through _entities", async () => {
      const response = await harness.query(`{
        centre: departmentOfHealth { units { code name(lang: ZH_HANT) datasets { id view { __typename } } } }
        ${Object.values(datasetIds)
          .map((id, index) => `d${index}: dataset(id: "${id}") { id view { __typename ... on CovidSituationView { datasetId latest { date } } ... on CovidCaseView { datasetId dataset { id } counts(groupBy: []) { count } } ... on CovidBuildingView { datasetId countsByDistrict { count } } } }`)
          .join("\n")}
      }`);
      expect(response.errors).toBeUndefined();
      expect(response.data.d0.view).toMatchObject({ __typename: "CovidSituationView", datasetId: datasetIds.situation, latest: { date: expect.any(String) } });
      expect(response.data.d1.view).toEqual({ __typename: "CovidCaseView", datasetId: datasetIds.cases, dataset: { id: datasetIds.cases }, counts: [{ count: cases().length }] });
      expect(response.data.d2.view.__typename).toBe("CovidBuildingView");
      expect(response.data.centre.units).toEqual([
        {
          code: "CHP",
          name: "衞生防護中心",
          datasets: [
            { id: datasetIds.situation, view: { __typename: "CovidSituationView" } },
            { id: datasetIds.cases, view: { __typename: "CovidCaseView" } },
            { id: datasetIds.buildings, view: { __typename: "CovidBuildingView" } },
          ],
        },
      ]);
      expect(fetches(harness.queryPlans.at(-1)!)).toContainEqual({ serviceName: "department-of-health", entities: true });
    });

    it.runIf(!source.published)("keep each case once when the next day's list repeats it, as that list says", async () => {
      const nextDay = resolve(source.dir, "enhanced_sur_covid_19_eng.next-day.csv");
      const result = await ingestFile(harness.store, { datasetId: datasetIds.cases, location: nextDay });
      expect(result.status).toBe("ingested");
      const rows = readCsv(nextDay);
      const changed = rows.find((row) => row["Case no."] === "19")!;
      const response = await harness.query(`{
        departmentOfHealth { covidCases {
          cases(first: 100) { totalCount edges { node { caseNumber } } }
          case(caseNumber: 19) { status resident caseStatus }
          counts(groupBy: [STATUS]) { status count }
        } }
      }`);
      expect(response.errors).toBeUndefined();
      const view = response.data.departmentOfHealth.covidCases;
      expect(view.cases.totalCount).toBe(rows.length);
      expect(view.cases.edges.map((edge: { node: { caseNumber: number } }) => edge.node.caseNumber)).toEqual(rows.map((row) => Number(row["Case no."])));
      expect(view.case).toEqual({ status: changed["Hospitalised/Discharged/Deceased"], resident: changed["HK/Non-HK resident"], caseStatus: changed["Case status*"] });
      expect(new Map(view.counts.map((group: { status: string | null; count: number }) => [group.status, group.count]))).toEqual(
        countBy(rows, (row) => row["Hospitalised/Discharged/Deceased"] || null),
      );
    });
  });
}

/** What the views answer for datasets with nothing ingested (or not even registered) yet. */
function describeEmptyViews(currentHarness: () => Harness): void {
  it("answer empty views before any file is ingested", async () => {
    const response = await currentHarness().query(`{
      departmentOfHealth {
        healthFacts { years sections { itemCount } facts { year } }
        covidSituation { latest { date } days { date } }
        covidCases { cases { totalCount edges { cursor } pageInfo { hasNextPage } } counts(groupBy: [GENDER]) { count } }
        covidBuildings { buildings { totalCount edges { cursor } } countsByDistrict { count } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.departmentOfHealth).toEqual({
      healthFacts: { years: [], sections: [], facts: [] },
      covidSituation: { latest: null, days: [] },
      covidCases: { cases: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } }, counts: [] },
      covidBuildings: { buildings: { totalCount: 0, edges: [] }, countsByDistrict: [] },
    });
  });
}

/** The Health Facts view's tests, against the fixtures of one table ingested into the harness given. */
function describeHealthFacts(currentHarness: () => Harness): void {
  describe("Health Facts of Hong Kong view, from the XLSX and the CSV of one table", () => {
    const table = (name: string) => resolve(dhFixtures, "health-facts", name);
    let harness: Harness;
    let releaseId: string | null | undefined;

    beforeAll(async () => {
      harness = currentHarness();
      const result = await ingestFile(harness.store, { datasetId: "dh-health-facts", location: table("health-facts.xlsx"), observedAt: new Date("2023-06-30T00:00:00+08:00") });
      expect(result.status).toBe("ingested");
      releaseId = result.releaseId;
    }, 60_000);

    const everything = `{
      departmentOfHealth { healthFacts {
        years
        sections { name zh: name(lang: ZH_HANT) years itemCount }
        facts { section item year value valueText unit }
        vital2022: facts(section: "vital events", year: 2022) { item zh: item(lang: ZH_HANT) value valueText unit(lang: ZH_HANT) }
        doctors: facts(search: "醫生") { item year value section(lang: ZH_HANT) }
      } }
    }`;

    it("read the XLSX through the real reader into typed, bilingual facts", async () => {
      const response = await harness.query(everything);
      expect(response.errors).toBeUndefined();
      const view = response.data.departmentOfHealth.healthFacts;
      expect(view.years).toEqual([2020, 2021, 2022]);
      expect(view.sections).toEqual([
        { name: "Health Resources", zh: "醫療衞生資源", years: [2020, 2021, 2022], itemCount: 6 },
        { name: "Population", zh: "人口", years: [2020, 2021, 2022], itemCount: 3 },
        { name: "Vital Events", zh: "生命事件", years: [2020, 2021, 2022], itemCount: 8 },
      ]);
      // 17 statistics over 3 years, less the one empty cell.
      expect(view.facts).toHaveLength(50);
      expect(view.facts[0]).toEqual({ section: "Health Resources", item: "Registered doctors", year: 2020, value: 15298, valueText: null, unit: "persons" });
      expect(view.vital2022).toHaveLength(8);
      expect(view.vital2022).toContainEqual({ item: "Infant mortality rate", zh: "嬰兒死亡率", value: null, valueText: "N.A.", unit: "每千名登記活產嬰兒" });
      expect(view.vital2022).toContainEqual({ item: "Life expectancy at birth (male)", zh: "出生時平均預期壽命（男）", value: 81.3, valueText: null, unit: "歲" });
      expect(view.doctors).toEqual([2020, 2021, 2022].map((year, index) => ({ item: "Registered doctors", year, value: [15298, 15547, 15905][index], section: "醫療衞生資源" })));
    });

    it("link each fact to its dataset and release, and are reached from the Dataset's view through _entities", async () => {
      expect(releaseId).toBe("dh-health-facts@2017-12");
      const response = await harness.query(`{
        dataset(id: "dh-health-facts") {
          view { __typename ... on HealthFactsView { datasetId facts(year: 2021, search: "population") { item value dataset { id title } release { id planRow } } } }
        }
      }`);
      expect(response.errors).toBeUndefined();
      expect(response.data.dataset.view).toEqual({
        __typename: "HealthFactsView",
        datasetId: "dh-health-facts",
        facts: ["Hospital beds per 1,000 population", "Mid-year population", "Population aged 65 and over"].map((item, index) => ({
          item,
          value: [5.6, 7413100, 19.8][index],
          dataset: { id: "dh-health-facts", title: "Health Facts of Hong Kong" },
          release: { id: "dh-health-facts@2017-12", planRow: "D7" },
        })),
      });
      expect(fetches(harness.queryPlans.at(-1)!)).toContainEqual({ serviceName: "department-of-health", entities: true });
    });

    it("give the same answers once the CSV of the same table, a later file, supersedes the XLSX", async () => {
      const fromXlsx = await harness.query(everything);
      const result = await ingestFile(harness.store, { datasetId: "dh-health-facts", location: table("health-facts.csv"), observedAt: new Date("2023-12-31T00:00:00+08:00") });
      expect(result).toMatchObject({ status: "ingested", records: 17 });
      const fromCsv = await harness.query(everything);
      expect(fromCsv.errors).toBeUndefined();
      expect(fromCsv.data).toEqual(fromXlsx.data);
      // Now read from the CSV's rows: each fact once, not once per file.
      const year2020 = await harness.query(`{ departmentOfHealth { healthFacts { facts(year: 2020) { item } } } }`);
      expect(year2020.data.departmentOfHealth.healthFacts.facts).toHaveLength(17);
    });
  });
}

/** A gateway over a fresh store for the tests `define`s, started once for them all. */
function withHarness(define: (harness: () => Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });
  define(() => {
    if (!harness) throw new Error("the harness has not started");
    return harness;
  });
}

describe.skipIf(!chpFiles.present)(chpFiles.title("from the CHP's published files"), () => {
  withHarness((harness) => describeChpViews({ dir: publishedChp, published: true }, harness));
});

// One gateway for both: the datasets are distinct.
describe("from fixtures written in DH's published layouts", () => {
  withHarness((harness) => {
    describeEmptyViews(harness);
    describeChpViews({ dir: resolve(dhFixtures, "chp"), published: false }, harness);
    describeHealthFacts(harness);
  });
});
