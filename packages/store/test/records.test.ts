import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRecords, buildMissingTypedTables, createRecordLoaders, type AggregateGroup, type AggregateQuery, type Store } from "../src/index.js";
import { createTestStore } from "../src/testing.js";

let store: Store;

/** Hong Kong time, as the ingest stores date-times. */
const at = (time: string) => `2026-01-20T${time}+08:00`;

beforeAll(async () => {
  store = await createTestStore();
  const prisma = store.prisma;
  await prisma.agency.create({ data: { code: "HB", nameEn: "Health Bureau", nameZh: "醫務衛生局" } });
  const dataset = (id: string, position: number, recordMode: "SNAPSHOT" | "CUMULATIVE") =>
    prisma.dataset.create({ data: { id, position, agencyCode: "HB", titleEn: id, titleZh: id, updateFrequency: "DAILY_DURING_PEAK", recordMode } });
  await dataset("test-visits", 1000, "CUMULATIVE");
  await dataset("test-waits", 1001, "SNAPSHOT");
  await dataset("test-empty", 1002, "CUMULATIVE");
  // Written out of position order: settings list them by position.
  await prisma.datasetField.createMany({
    data: [
      { datasetId: "test-visits", name: "seen", type: "DATETIME", position: 3 },
      { datasetId: "test-visits", name: "site", type: "STRING", position: 1 },
      { datasetId: "test-visits", name: "day", type: "DATE", position: 4 },
      { datasetId: "test-visits", name: "n", type: "NUMBER", position: 2 },
      { datasetId: "test-waits", name: "site", type: "STRING", position: 1 },
      { datasetId: "test-waits", name: "wait", type: "NUMBER", position: 2 },
    ],
  });

  const ingestion = (datasetId: string, observedAt: string, recordCount: number) =>
    prisma.ingestion.create({
      data: {
        datasetId,
        resource: datasetId,
        location: `${datasetId}-${observedAt}.csv`,
        sha256: `${datasetId}-${observedAt}`,
        format: "CSV",
        fetchedAt: new Date(observedAt),
        observedAt: new Date(observedAt),
        recordCount,
      },
    });
  const visits: Array<Record<string, unknown>> = [
    { site: "B", n: 10, seen: at("09:00:00"), day: "2026-01-20" },
    { site: "A", n: 2, seen: at("08:00:00"), day: "2026-01-18" },
    { site: "B", n: 2, seen: at("10:30:00"), day: "2026-01-19" },
    { site: null, n: 5, seen: at("07:00:00"), day: "2026-01-17" },
    { n: 1, day: "2026-01-21" }, // no site, no seen: the same group as site null
    { site: "A", n: 10, seen: at("11:00:00") },
  ];
  const visitIngestion = await ingestion("test-visits", at("12:00:00"), visits.length);
  await prisma.record.createMany({
    data: visits.map((fields, index) => ({
      datasetId: "test-visits",
      ingestionId: visitIngestion.id,
      resource: "test-visits",
      ordinal: index + 1,
      observedAt: new Date(at("12:00:00")),
      fields: fields as never,
    })),
  });
  for (const [time, waits] of [
    ["04:30:00", { P: 30, Q: 50 }],
    ["04:45:00", { P: 35, Q: 40, R: 5 }],
  ] as const) {
    const waitIngestion = await ingestion("test-waits", at(time), Object.keys(waits).length);
    await prisma.record.createMany({
      data: Object.entries(waits).map(([site, wait], index) => ({
        datasetId: "test-waits",
        ingestionId: waitIngestion.id,
        resource: "test-waits",
        ordinal: index + 1,
        observedAt: new Date(at(time)),
        fields: { site, wait },
      })),
    });
  }
  // Written past the ingest: the typed tables are built as for a database from before them.
  await buildMissingTypedTables(prisma);
});
afterAll(async () => {
  await store?.close();
});

async function settingsOf(datasetId: string) {
  const settings = await createRecordLoaders(store.prisma).recordSettings.load(datasetId);
  if (!settings) throw new Error(`no settings for ${datasetId}`);
  return settings;
}

/** Groups as plain data, and the statements that computed them. */
async function aggregate(datasetId: string, query: Omit<AggregateQuery, "aggregates"> & Partial<Pick<AggregateQuery, "aggregates">>) {
  const settings = await settingsOf(datasetId);
  const { result, statements } = await store.sqlLog.record(() => aggregateRecords(store.prisma, settings, { aggregates: [], ...query }));
  return { groups: result.map((group: AggregateGroup) => ({ key: group.key, count: group.count, ...Object.fromEntries(group.values) })), statements };
}

describe(`records on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("reads the record settings of many datasets in one statement: fields by position, null for an unknown dataset", async () => {
    const loaders = createRecordLoaders(store.prisma);
    const { result, statements } = await store.sqlLog.record(() => loaders.recordSettings.loadMany(["test-visits", "no-such-dataset", "test-empty", "test-waits"]));
    expect(statements).toHaveLength(1);
    expect(result).toEqual([
      {
        datasetId: "test-visits",
        mode: "CUMULATIVE",
        fields: [
          { name: "site", type: "STRING", position: 1 },
          { name: "n", type: "NUMBER", position: 2 },
          { name: "seen", type: "DATETIME", position: 3 },
          { name: "day", type: "DATE", position: 4 },
        ],
      },
      null,
      { datasetId: "test-empty", mode: "CUMULATIVE", fields: [] },
      {
        datasetId: "test-waits",
        mode: "SNAPSHOT",
        fields: [
          { name: "site", type: "STRING", position: 1 },
          { name: "wait", type: "NUMBER", position: 2 },
        ],
      },
    ]);
  });

  it("aggregates per group in one statement, a missing value and JSON null in one null group, values typed", async () => {
    const { groups, statements } = await aggregate("test-visits", {
      groupBy: ["site"],
      aggregates: [
        { fn: "sum", field: "n" },
        { fn: "avg", field: "n" },
        { fn: "max", field: "n" },
        { fn: "min", field: "seen" },
        { fn: "max", field: "day" },
      ],
    });
    expect(statements).toHaveLength(1);
    // JSON order: null before strings.
    expect(groups).toEqual([
      { key: { site: null }, count: 2, "sum:n": 6, "avg:n": 3, "max:n": 5, "min:seen": "2026-01-19T23:00:00.000Z", "max:day": "2026-01-21" },
      { key: { site: "A" }, count: 2, "sum:n": 12, "avg:n": 6, "max:n": 10, "min:seen": "2026-01-20T00:00:00.000Z", "max:day": "2026-01-18" },
      { key: { site: "B" }, count: 2, "sum:n": 12, "avg:n": 6, "max:n": 10, "min:seen": "2026-01-20T01:00:00.000Z", "max:day": "2026-01-20" },
    ]);
  });

  it("orders groups by their JSON values (numbers as numbers) and groups on several fields", async () => {
    const byNumber = await aggregate("test-visits", { groupBy: ["n"] });
    expect(byNumber.groups).toEqual([
      { key: { n: 1 }, count: 1 },
      { key: { n: 2 }, count: 2 },
      { key: { n: 5 }, count: 1 },
      { key: { n: 10 }, count: 2 },
    ]);
    const bySiteAndNumber = await aggregate("test-visits", { groupBy: ["site", "n"], aggregates: [{ fn: "min", field: "day" }] });
    expect(bySiteAndNumber.groups).toEqual([
      { key: { n: 1, site: null }, count: 1, "min:day": "2026-01-21" },
      { key: { n: 2, site: "A" }, count: 1, "min:day": "2026-01-18" },
      { key: { n: 2, site: "B" }, count: 1, "min:day": "2026-01-19" },
      { key: { n: 5, site: null }, count: 1, "min:day": "2026-01-17" },
      { key: { n: 10, site: "A" }, count: 1, "min:day": null },
      { key: { n: 10, site: "B" }, count: 1, "min:day": "2026-01-20" },
    ]);
  });

  it("groups by the Hong Kong hour of a DATETIME and the day of week of a DATE, with medians", async () => {
    const byHour = await aggregate("test-visits", { groupBy: [], groupByTime: [{ field: "seen", part: "HOUR_OF_DAY" }], aggregates: [{ fn: "median", field: "n" }] });
    expect(byHour.statements).toHaveLength(1);
    expect(byHour.groups).toEqual([
      { key: { "seen.hourOfDay": null }, count: 1, "median:n": 1 },
      { key: { "seen.hourOfDay": 7 }, count: 1, "median:n": 5 },
      { key: { "seen.hourOfDay": 8 }, count: 1, "median:n": 2 },
      { key: { "seen.hourOfDay": 9 }, count: 1, "median:n": 10 },
      { key: { "seen.hourOfDay": 10 }, count: 1, "median:n": 2 },
      { key: { "seen.hourOfDay": 11 }, count: 1, "median:n": 10 },
    ]);
    // 1, 2, 2, 5, 10, 10: between the middle two.
    expect((await aggregate("test-visits", { groupBy: [], aggregates: [{ fn: "median", field: "n" }] })).groups).toEqual([{ key: {}, count: 6, "median:n": 3.5 }]);
    const byWeekday = await aggregate("test-visits", { groupBy: [], groupByTime: [{ field: "day", part: "DAY_OF_WEEK" }] });
    // 2026-01-17 is a Saturday.
    expect(byWeekday.groups.map((group) => [group.key["day.dayOfWeek"], group.count])).toEqual([
      [null, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [6, 1],
      [7, 1],
    ]);
  });

  it("refuses a median of text and an hour of a day without one, naming the field", async () => {
    await expect(aggregate("test-visits", { groupBy: [], aggregates: [{ fn: "median", field: "site" }] })).rejects.toThrow('median needs a NUMBER field; "site" is STRING');
    await expect(aggregate("test-visits", { groupBy: [], groupByTime: [{ field: "day", part: "HOUR_OF_DAY" }] })).rejects.toThrow(
      'Grouping by the hour of day needs a DATETIME field; "day" is DATE',
    );
  });

  it("gives one group without groupBy, even when no record matches", async () => {
    expect((await aggregate("test-visits", { groupBy: [], aggregates: [{ fn: "sum", field: "n" }] })).groups).toEqual([{ key: {}, count: 6, "sum:n": 30 }]);
    const none = await aggregate("test-visits", { groupBy: [], aggregates: [{ fn: "max", field: "n" }], filter: [{ field: "n", gt: 100 }] });
    expect(none.groups).toEqual([{ key: {}, count: 0, "max:n": null }]);
    expect((await aggregate("test-visits", { groupBy: ["site"], filter: [{ field: "n", gt: 100 }] })).groups).toEqual([]);
  });

  it("aggregates a snapshot dataset's latest snapshot, the one in force at asOf, or every snapshot in a window", async () => {
    const aggregates = [{ fn: "sum" as const, field: "wait" }];
    expect((await aggregate("test-waits", { groupBy: ["site"], aggregates })).groups).toEqual([
      { key: { site: "P" }, count: 1, "sum:wait": 35 },
      { key: { site: "Q" }, count: 1, "sum:wait": 40 },
      { key: { site: "R" }, count: 1, "sum:wait": 5 },
    ]);
    expect((await aggregate("test-waits", { groupBy: ["site"], aggregates, asOf: new Date(at("04:40:00")) })).groups).toEqual([
      { key: { site: "P" }, count: 1, "sum:wait": 30 },
      { key: { site: "Q" }, count: 1, "sum:wait": 50 },
    ]);
    expect((await aggregate("test-waits", { groupBy: [], aggregates, asOf: new Date(at("04:00:00")) })).groups).toEqual([
      { key: {}, count: 0, "sum:wait": null },
    ]);
    expect((await aggregate("test-waits", { groupBy: ["site"], aggregates, from: new Date(at("04:30:00")), to: new Date(at("04:45:00")) })).groups).toEqual([
      { key: { site: "P" }, count: 2, "sum:wait": 65 },
      { key: { site: "Q" }, count: 2, "sum:wait": 90 },
      { key: { site: "R" }, count: 1, "sum:wait": 5 },
    ]);
  });
});
