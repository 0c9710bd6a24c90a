import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "./csv-rows.js";
import { startHarness, type Harness } from "./harness.js";

const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await ingestFile(harness.store, { datasetId: "ha-aed-waiting-time", location: fixture("aed-2026-01-20-0430.json") });
  await ingestFile(harness.store, { datasetId: "ha-aed-waiting-time", location: fixture("aed-2026-01-20-0445.json") });
  await ingestFile(harness.store, { datasetId: "hb-covid19-vaccination-by-age", location: fixture("vaccination-by-age.csv") });
});
afterAll(async () => {
  await harness?.close();
});

const vaccination = `dataset(id: "hb-covid19-vaccination-by-age")`;
const aed = `dataset(id: "ha-aed-waiting-time")`;

describe("records through the gateway", () => {
  it("lists a dataset's fields with the type their values agree on", async () => {
    const response = await harness.query(`{ ${vaccination} { fields { name type position } } }`);
    expect(response.errors).toBeUndefined();
    const fields = response.data.dataset.fields;
    expect(fields).toHaveLength(15);
    expect(fields.slice(0, 4)).toEqual([
      { name: "Date", type: "DATE", position: expect.any(Number) },
      { name: "Age Group", type: "STRING", position: expect.any(Number) },
      { name: "Sex", type: "STRING", position: expect.any(Number) },
      { name: "Sinovac 1st dose", type: "NUMBER", position: expect.any(Number) },
    ]);
  });

  it("answers a snapshot dataset's latest snapshot, the one in force at asOf, or every snapshot in a window", async () => {
    const response = await harness.query(`{
      latest: ${aed} { records { totalCount edges { node { observedAt fields } } } }
      earlier: ${aed} { records(asOf: "2026-01-20T04:40:00+08:00") { totalCount edges { node { observedAt } } } }
      before: ${aed} { records(asOf: "2026-01-20T04:00:00+08:00") { totalCount } }
      window: ${aed} { records(from: "2026-01-20T04:30:00+08:00", to: "2026-01-20T04:45:00+08:00") { totalCount } }
    }`);
    expect(response.errors).toBeUndefined();
    const { latest, earlier, before, window } = response.data;
    expect(latest.records.totalCount).toBe(3);
    expect(latest.records.edges[0].node.observedAt).toBe("2026-01-20T04:45:00+08:00");
    expect(latest.records.edges[0].node.fields.t3p50).toBe("31 minutes");
    expect(earlier.records.totalCount).toBe(3);
    expect(earlier.records.edges.every((edge: any) => edge.node.observedAt === "2026-01-20T04:30:00+08:00")).toBe(true);
    expect(before.records.totalCount).toBe(0);
    expect(window.records.totalCount).toBe(6);
  });

  it("dates a cumulative dataset's records by their own day, so asOf, from and to select days of the file", async () => {
    const response = await harness.query(`{ ${vaccination} {
      asOf: records(asOf: "2022-01-01T00:00:00+08:00") { totalCount edges { node { observedAt fields } } }
      march: records(from: "2021-03-01T00:00:00+08:00", to: "2021-03-31T23:59:59+08:00") { totalCount }
      firstDay: records(from: "2021-02-22T00:00:00+08:00", to: "2021-02-22T00:00:00+08:00") { totalCount }
      beforeAny: records(asOf: "2021-02-21T23:59:59+08:00") { totalCount }
    } }`);
    expect(response.errors).toBeUndefined();
    const { asOf, march, firstDay, beforeAny } = response.data.dataset;
    // The file's rows of 2021-02-22 and 2021-03-10; those of 2022-01-05 come later.
    expect(asOf.totalCount).toBe(5);
    for (const { node } of asOf.edges) expect(node.observedAt).toBe(`${node.fields.Date}T00:00:00+08:00`);
    expect(march.totalCount).toBe(3);
    expect(firstDay.totalCount).toBe(2);
    expect(beforeAny.totalCount).toBe(0);
  });

  it("filters numbers as numbers, dates as dates and text by substring, and sorts by value", async () => {
    const response = await harness.query(`{ ${vaccination} {
      records(
        filter: [{ field: "BioNTech 1st dose", gte: 10 }, { field: "Date", lt: "2022-01-01" }]
        orderBy: [{ field: "BioNTech 1st dose", direction: DESC }]
      ) { totalCount edges { node { fields } } }
      elderly: records(filter: [{ field: "Age Group", contains: "and ABOVE" }]) { totalCount }
      oneOf: records(filter: [{ field: "Sex", in: ["F"] }, { field: "Sinovac 1st dose", eq: 120 }]) { totalCount }
    } }`);
    expect(response.errors).toBeUndefined();
    const { records, elderly, oneOf } = response.data.dataset;
    // 9 < 10 sorts before 250 as text; as numbers, 310 > 250 > 12 is the order.
    expect(records.edges.map((edge: any) => edge.node.fields["BioNTech 1st dose"])).toEqual([310, 250]);
    expect(records.totalCount).toBe(2);
    expect(elderly.totalCount).toBe(2);
    expect(oneOf.totalCount).toBe(1);
  });

  it("names the dataset's fields when a filter or sort names one it does not have, and the type a value needs", async () => {
    const unknown = await harness.query(`{ ${vaccination} { records(filter: [{ field: "Dose", eq: 1 }]) { totalCount } } }`);
    expect(unknown.errors?.[0]?.message).toContain('Dataset "hb-covid19-vaccination-by-age" has no field "Dose"; its fields are: "Date", "Age Group"');
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badSort = await harness.query(`{ ${vaccination} { records(orderBy: [{ field: "Age", direction: ASC }]) { totalCount } } }`);
    expect(badSort.errors?.[0]?.message).toContain('has no field "Age"');
    const badValue = await harness.query(`{ ${vaccination} { records(filter: [{ field: "BioNTech 1st dose", gt: "many" }]) { totalCount } } }`);
    expect(badValue.errors?.[0]?.message).toBe('Filter "gt" on NUMBER field "BioNTech 1st dose" needs a number, got "many"');
    const badDate = await harness.query(`{ ${vaccination} { records(filter: [{ field: "Date", gt: "10/03/2021" }]) { totalCount } } }`);
    expect(badDate.errors?.[0]?.message).toContain('needs a date "YYYY-MM-DD"');
    const tooMany = await harness.query(`{ ${vaccination} { records(first: 1001) { totalCount } } }`);
    // Refused at the gateway's page-size limit before any subgraph runs; the message names the cap.
    expect(tooMany.errors?.[0]?.message).toMatch(/1000/);
  });

  it("pages through records in file order and in a custom order without gaps or repeats", async () => {
    for (const orderBy of ["", `orderBy: [{ field: "Sinovac 1st dose", direction: ASC }]`]) {
      const seen: number[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const response: any = await harness.query(
          `query Page($after: String) { ${vaccination} { records(first: 3, after: $after ${orderBy}) { edges { node { fields } } pageInfo { hasNextPage endCursor } } } }`,
          { after },
        );
        expect(response.errors).toBeUndefined();
        const { edges, pageInfo } = response.data.dataset.records;
        seen.push(...edges.map((edge: any) => edge.node.fields["Sinovac 1st dose"]));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(seen.sort((a, b) => a - b), orderBy || "file order").toEqual([1, 3, 7, 15, 40, 80, 120]);
    }
  });

  it("groups and aggregates in PostgreSQL", async () => {
    const response = await harness.query(`{ ${vaccination} {
      recordAggregate(groupBy: ["Age Group"], filter: [{ field: "Date", lt: "2022-01-01" }]) {
        key count
        biontech: sum(field: "BioNTech 1st dose")
        average: avg(field: "Sinovac 1st dose")
        first: min(field: "Date")
        last: max(field: "Date")
      }
      all: recordAggregate(groupBy: []) { count total: sum(field: "BioNTech 3rd dose") }
    } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.dataset.recordAggregate).toEqual([
      { key: { "Age Group": "30-39" }, count: 3, biontech: 560, average: 67, first: "2021-02-22", last: "2021-03-10" },
      { key: { "Age Group": "40-49" }, count: 1, biontech: 0, average: 3, first: "2021-02-22", last: "2021-02-22" },
      { key: { "Age Group": "80 and above" }, count: 1, biontech: 4, average: 15, first: "2021-03-10", last: "2021-03-10" },
    ]);
    expect(response.data.dataset.all).toEqual([{ count: 7, total: 97 }]);
    const notNumber = await harness.query(`{ ${vaccination} { recordAggregate(groupBy: []) { sum(field: "Sex") } } }`);
    expect(notNumber.errors?.[0]?.message).toBe('sum needs a NUMBER field; "Sex" is STRING');
  });

  it("gives each record its provenance and its release, resolved by the plan subgraph", async () => {
    const response = await harness.query(`{ ${aed} { records(first: 1) { edges { node {
      id observedAt source { location sha256 format resource fetchedAt } release { id planRow dataset { title(lang: ZH_HANT) } }
    } } } } }`);
    expect(response.errors).toBeUndefined();
    const node = response.data.dataset.records.edges[0].node;
    expect(node.source).toMatchObject({ location: fixture("aed-2026-01-20-0445.json"), format: "JSON", resource: "ha-aed-waiting-time" });
    expect(node.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(node.source.fetchedAt).toMatch(/\+08:00$/);
    expect(node.release).toEqual({ id: "ha-aed-waiting-time@2018-12", planRow: "D8", dataset: { title: "急症室等候時間" } });
  });

  it("costs the same number of SQL statements for a page of 1 or of 7 records with provenance and release", async () => {
    const counts: number[] = [];
    for (const first of [1, 7]) {
      const { result, statements } = await harness.store.sqlLog.record(() =>
        harness.query(`{ ${vaccination} { records(first: ${first}) { totalCount edges { node { id source { sha256 } release { planRow } } } } } }`),
      );
      expect(result.errors).toBeUndefined();
      counts.push(statements.length);
    }
    // The dataset (plan), its record settings (mode and fields: one statement), the page, its
    // total, the ingestions of its records, their releases (plan): one each.
    expect(counts).toEqual([6, 6]);
  });

  it("costs the dataset, its record settings and the aggregate: one statement each", async () => {
    const { result, statements } = await harness.store.sqlLog.record(() =>
      harness.query(`{ ${vaccination} { recordAggregate(groupBy: ["Age Group"]) { key count max(field: "Date") } } }`),
    );
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(3);
    expect(statements.filter((sql) => sql.includes('"DatasetField"'))).toHaveLength(1);
  });

  it("reads the fields of every dataset of a page in one statement, whatever the page size", async () => {
    const counts: number[] = [];
    for (const first of [1, 26]) {
      const { result, statements } = await harness.store.sqlLog.record(() =>
        harness.query(`query($first: Int) { datasets(first: $first) { edges { node { id fields { name type } } } } }`, { first }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.datasets.edges).toHaveLength(first);
      counts.push(statements.length);
    }
    // The page (no count: totalCount is not asked for), then the settings of all its datasets.
    expect(counts).toEqual([2, 2]);
  });

  it("groups by the day of week of a date, with medians, as the file's rows say", async () => {
    // The fixture's rows, read apart from the ingest (2021-02-22 a Monday, 2021-03-10 and 2022-01-05 Wednesdays).
    const byDay = new Map<number, number[]>();
    for (const row of readCsv(fixture("vaccination-by-age.csv"))) {
      const day = ((new Date(`${row["Date"]}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      byDay.set(day, [...(byDay.get(day) ?? []), Number(row["Sinovac 1st dose"])]);
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length / 2;
      return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
    };
    const response = await harness.query(`{ ${vaccination} {
      recordAggregate(groupBy: [], groupByTime: [{ field: "Date", part: DAY_OF_WEEK }]) { key count median(field: "Sinovac 1st dose") }
    } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.dataset.recordAggregate).toEqual(
      [...byDay.entries()].sort(([a], [b]) => a - b).map(([day, values]) => ({ key: { "Date.dayOfWeek": day }, count: values.length, median: median(values) })),
    );
    expect(response.data.dataset.recordAggregate.map((group: { key: Record<string, number> }) => group.key["Date.dayOfWeek"])).toEqual([1, 3]);
    const notTime = await harness.query(`{ ${vaccination} { recordAggregate(groupBy: [], groupByTime: [{ field: "Sex", part: DAY_OF_WEEK }]) { count } } }`);
    expect(notTime.errors?.[0]?.message).toBe('Grouping by the day of week needs a DATE or DATETIME field; "Sex" is STRING');
  });
});
