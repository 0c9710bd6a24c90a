import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRecords, RecordBatch, type Store } from "../src/index.js";
import { createTestStore } from "../src/testing.js";

let store: Store;
let ingestionId: number;
const datasetId = "test-writes";

beforeAll(async () => {
  store = await createTestStore();
  await store.prisma.agency.create({ data: { code: "HB", nameEn: "Health Bureau", nameZh: "醫務衛生局" } });
  await store.prisma.dataset.create({
    data: { id: datasetId, position: 1000, agencyCode: "HB", titleEn: datasetId, titleZh: datasetId, updateFrequency: "DAILY_DURING_PEAK", recordMode: "CUMULATIVE" },
  });
  const observedAt = new Date("2026-01-20T04:30:00+08:00");
  ({ id: ingestionId } = await store.prisma.ingestion.create({
    data: { datasetId, resource: "r", location: "writes.csv", sha256: "writes", format: "CSV", fetchedAt: observedAt, observedAt, recordCount: 0 },
  }));
});
afterAll(() => store?.close());

async function stored(ordinals: readonly number[]) {
  const records = await store.prisma.record.findMany({ where: { ingestionId, ordinal: { in: [...ordinals] } }, orderBy: { ordinal: "asc" } });
  return records.map((record) => ({ ordinal: record.ordinal, observedAt: record.observedAt.toISOString(), fields: record.fields }));
}

describe("insertRecords", () => {
  const target = () => ({ datasetId, ingestionId, resource: "r" });
  const early = new Date("2026-01-20T04:30:00.250+08:00");
  const late = new Date("2026-01-20T04:45:00+08:00");
  const fields = { name: 'Tower "A"\\B', zh: "伊利沙伯醫院", n: 1.5, yes: true, none: null, "": "nameless", "new\nline": "\u2028" };

  it("stores a RecordBatch: ordinals, observation times and fields as given", async () => {
    const batch = new RecordBatch();
    batch.add(1, early, JSON.stringify(fields));
    batch.add(2, early, "{}"); // the same time object: its text is reused
    batch.add(3, late, JSON.stringify({ n: 2 }));
    expect(batch.size).toBe(3);
    await store.prisma.$transaction((tx) => insertRecords(tx, target(), batch));
    expect(await stored([1, 2, 3])).toEqual([
      { ordinal: 1, observedAt: early.toISOString(), fields },
      { ordinal: 2, observedAt: early.toISOString(), fields: {} },
      { ordinal: 3, observedAt: late.toISOString(), fields: { n: 2 } },
    ]);
  });

  it("stores records given as objects the same way", async () => {
    await store.prisma.$transaction((tx) =>
      insertRecords(tx, target(), [
        { ordinal: 11, observedAt: early, fields },
        { ordinal: 12, observedAt: late, fields: {} },
      ]),
    );
    expect(await stored([11, 12])).toEqual([
      { ordinal: 11, observedAt: early.toISOString(), fields },
      { ordinal: 12, observedAt: late.toISOString(), fields: {} },
    ]);
  });

  it("sends nothing for an empty batch", async () => {
    const { statements } = await store.sqlLog.record(() => store.prisma.$transaction((tx) => insertRecords(tx, target(), new RecordBatch())));
    expect(statements.filter((sql) => sql.includes("INSERT"))).toEqual([]);
  });
});

describe("store.recordTransaction", () => {
  const early = new Date("2026-01-20T04:30:00.250+08:00");
  const fields = { name: 'Tower "A"\\B\\\\N', tab: "a\tb", zh: "伊利沙伯醫院", n: 1.5, yes: true, none: null, "": "\\.", "new\nline": "\u2028\r\n" };
  const options = { timeout: 60_000, maxWait: 10_000 };

  async function writeInOne(target: { datasetId: string; ingestionId: number; resource: string }, ordinals: readonly number[]) {
    const batch = new RecordBatch();
    for (const ordinal of ordinals) batch.add(ordinal, early, JSON.stringify(fields));
    await store.recordTransaction(
      store.prisma,
      async (tx, openRecordWriter) => {
        const writer = await openRecordWriter(tx, target);
        await writer.write(batch);
        await writer.end();
      },
      options,
    );
  }

  it("stores a batch as insertRecords does, a resource with COPY's special characters included", async () => {
    const resource = "r\\t\tab";
    await writeInOne({ datasetId, ingestionId, resource }, [101, 102]);
    await store.prisma.$transaction((tx) => insertRecords(tx, { datasetId, ingestionId, resource }, [{ ordinal: 103, observedAt: early, fields }]));
    const records = await store.prisma.record.findMany({ where: { ingestionId, ordinal: { in: [101, 102, 103] } }, orderBy: { ordinal: "asc" } });
    expect(records.map((record) => ({ resource: record.resource, observedAt: record.observedAt.toISOString(), fields: record.fields }))).toEqual(
      [101, 102, 103].map(() => ({ resource, observedAt: early.toISOString(), fields })),
    );
  });

  it("writes the records of transactions run at once each in its own", async () => {
    const resources = ["side-a", "side-b", "side-c"];
    await Promise.all(resources.map((resource, index) => writeInOne({ datasetId, ingestionId, resource }, [301 + 2 * index, 302 + 2 * index])));
    const records = await store.prisma.record.findMany({ where: { ingestionId, resource: { in: resources } }, orderBy: { ordinal: "asc" } });
    expect(records.map((record) => `${record.resource} ${record.ordinal}`)).toEqual(["side-a 301", "side-a 302", "side-b 303", "side-b 304", "side-c 305", "side-c 306"]);
  });

  it("rolls back what it wrote when the database refuses a record, and the store goes on", async () => {
    const before = await store.prisma.record.count();
    const refused = await writeInOne({ datasetId, ingestionId: ingestionId + 1_000, resource: "r" }, [201, 202]).catch((error: unknown) => error);
    expect(String(refused)).toMatch(/foreign key/);
    expect(await store.prisma.record.count()).toBe(before);
    await writeInOne({ datasetId, ingestionId, resource: "r" }, [203]);
    expect(await store.prisma.record.count()).toBe(before + 1);
  });
});
