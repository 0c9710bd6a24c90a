import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestPerKey, latestSnapshotRecords, SqlParams, splitPage, type SnapshotSelection, type Store } from "../src/index.js";
import { createTestStore } from "../src/testing.js";

let store: Store;

/** Hong Kong time on one day. */
const at = (time: string) => new Date(`2026-02-10T${time}+08:00`);

/** One file of a dataset's resource, observed at `observedAt`, with its records (each may carry its own time). */
async function ingest(datasetId: string, resource: string, observedAt: Date, records: Array<{ fields: Record<string, unknown>; observedAt?: Date }>) {
  const ingestion = await store.prisma.ingestion.create({
    data: {
      datasetId,
      resource,
      location: `${resource}-${observedAt.toISOString()}.csv`,
      sha256: `${datasetId}-${resource}-${observedAt.toISOString()}`,
      format: "CSV",
      fetchedAt: observedAt,
      observedAt,
      recordCount: records.length,
    },
  });
  await store.prisma.record.createMany({
    data: records.map((record, index) => ({
      datasetId,
      ingestionId: ingestion.id,
      resource,
      ordinal: index + 1,
      observedAt: record.observedAt ?? observedAt,
      fields: record.fields as never,
    })),
  });
}

beforeAll(async () => {
  store = await createTestStore();
  await store.prisma.agency.create({ data: { code: "HB", nameEn: "Health Bureau", nameZh: "醫務衛生局" } });
  for (const [position, id] of ["layer-sites", "layer-clinics", "layer-rows"].entries()) {
    await store.prisma.dataset.create({
      data: { id, position: 2000 + position, agencyCode: "HB", titleEn: id, titleZh: id, updateFrequency: "DAILY_DURING_PEAK", recordMode: "SNAPSHOT" },
    });
  }
  await ingest("layer-sites", "sites-a", at("09:00:00"), [{ fields: { name: "a at 9" } }]);
  await ingest("layer-sites", "sites-a", at("10:00:00"), [{ fields: { name: "a at 10" } }]);
  await ingest("layer-sites", "sites-b", at("09:30:00"), [{ fields: { name: "b at 9:30" } }]);
  await ingest("layer-clinics", "clinics", at("08:00:00"), [{ fields: { name: "clinic at 8" } }]);
  // The file observed last holds the older row of key "k"; the file observed first holds the row with the later time of its own.
  await ingest("layer-rows", "rows", at("10:00:00"), [{ fields: { key: "k", from: "file observed last" }, observedAt: at("09:00:00") }]);
  await ingest("layer-rows", "rows", at("09:30:00"), [{ fields: { key: "k", from: "record observed last" }, observedAt: at("09:45:00") }]);
});

afterAll(async () => {
  await store?.close();
});

async function snapshotNames(selection: SnapshotSelection): Promise<string[]> {
  const params = new SqlParams();
  const sql = `SELECT r.fields->>'name' AS name FROM ${latestSnapshotRecords(selection, params)} ORDER BY 1`;
  const rows = await store.prisma.$queryRawUnsafe<Array<{ name: string }>>(sql, ...params.values);
  return rows.map((row) => row.name);
}

describe("the snapshot in force, chosen in one place", () => {
  it("is each resource's latest observation, or the one in force at asOf", async () => {
    expect(await snapshotNames({ datasetIds: "layer-sites" })).toEqual(["a at 10", "b at 9:30"]);
    expect(await snapshotNames({ datasetIds: "layer-sites", asOf: at("09:45:00") })).toEqual(["a at 9", "b at 9:30"]);
    expect(await snapshotNames({ datasetIds: "layer-sites", asOf: at("09:15:00") })).toEqual(["a at 9"]);
  });

  it("reads one resource, several, or the series of several datasets side by side", async () => {
    expect(await snapshotNames({ datasetIds: "layer-sites", resources: "sites-b" })).toEqual(["b at 9:30"]);
    expect(await snapshotNames({ datasetIds: "layer-sites", resources: ["sites-a", "sites-b"] })).toEqual(["a at 10", "b at 9:30"]);
    expect(await snapshotNames({ datasetIds: ["layer-sites", "layer-clinics"] })).toEqual(["a at 10", "b at 9:30", "clinic at 8"]);
  });
});

describe("the latest row per key", () => {
  async function winner(tieBreak: "file" | "record"): Promise<string[]> {
    const params = new SqlParams();
    const latest = latestPerKey(params, { datasetId: "layer-rows", keys: [`r.fields->>'key'`], tieBreak });
    const rows = await store.prisma.$queryRawUnsafe<Array<{ from: string }>>(`SELECT l.fields->>'from' AS "from" FROM ${latest} l`, ...params.values);
    return rows.map((row) => row.from);
  }

  it("is the row of the file observed last with the 'file' tie-break, the row observed last with 'record'", async () => {
    expect(await winner("file")).toEqual(["file observed last"]);
    expect(await winner("record")).toEqual(["record observed last"]);
  });
});

describe("pages read one row past their size", () => {
  it("say a next page follows only when that row came", () => {
    expect(splitPage([1, 2, 3], 2)).toEqual({ rows: [1, 2], hasNextPage: true });
    expect(splitPage([1, 2], 2)).toEqual({ rows: [1, 2], hasNextPage: false });
  });
});
