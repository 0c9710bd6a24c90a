import { insertingRecordTransaction, type Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BATCH_SIZE, ingestFile, IngestInterrupted } from "../src/index.js";
import { ingestFailure } from "./support/fixtures.js";
import { scratchFiles } from "./support/scratch-files.js";
import { openTestStore, tableCounts } from "./support/store.js";

/*
 * The store's record transaction (COPY FROM STDIN on PostgreSQL, batched INSERTs on PGlite): a
 * file still goes in whole or not at all, and its records read back as the INSERT path stores them.
 */

let store: Store;
const scratch = scratchFiles("copy");
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
  scratch.remove();
});

const datasetId = "hb-ehrss-healthcare-providers"; // no row schema of its own
const header = "id,name,district,opened,beds";

function rows(count: number, cell: (index: number) => string | undefined = () => undefined): string[] {
  return Array.from({ length: count }, (_, index) => cell(index) ?? `P${index},Clinic ${index},Kwun Tong,2024-01-0${(index % 9) + 1},${index % 50}`);
}

function csvFile(name: string, lines: readonly string[], columns = header): string {
  return scratch.csv(name, columns, lines);
}

/** The statements that put records in: one COPY, or one INSERT per batch. */
async function recordWrites(work: () => Promise<unknown>): Promise<string[]> {
  const { statements } = await store.sqlLog.record(work);
  return statements.filter((sql) => /^(INSERT INTO|COPY) "Record"/.test(sql.trim())).map((sql) => sql.trim().split(" ")[0]!);
}

const expectedWrites = (batches: number) => (process.env.DATABASE_URL ? ["COPY"] : Array.from({ length: batches }, () => "INSERT"));

describe("the store's record transaction", () => {
  it("puts the records in: COPY on PostgreSQL, one INSERT per batch on PGlite", async () => {
    const path = csvFile("path.csv", rows(BATCH_SIZE + 1));
    expect(await recordWrites(() => ingestFile(store, { datasetId, location: path }))).toEqual(expectedWrites(2));
    expect(await store.prisma.record.count({ where: { ingestion: { location: path } } })).toBe(BATCH_SIZE + 1);
  });

  it("leaves no Record or Ingestion row when row N fails, batches of the file already sent", async () => {
    const bad = 2 * BATCH_SIZE + 17; // 0-based: line bad + 2
    const path = csvFile("late-nul.csv", rows(3 * BATCH_SIZE, (index) => (index === bad ? `P${index},Clinic \u0000,Kwun Tong,2024-01-01,1` : undefined)));
    const before = await tableCounts(store);
    let message = "";
    const writes = await recordWrites(async () => {
      message = await ingestFailure(ingestFile(store, { datasetId, location: path }));
    });
    expect(message).toBe(`${path}: line ${bad + 2}: field "name": the value has a NUL character (U+0000) at character 8, which the database cannot store`);
    expect(writes).toEqual(expectedWrites(2));
    expect(await tableCounts(store)).toEqual(before);
    expect(await store.prisma.ingestion.count({ where: { location: path } })).toBe(0);
  });

  it("rolls back when the signal aborts in the middle of the file", async () => {
    const path = csvFile("cancelled.csv", rows(5 * BATCH_SIZE));
    const before = await tableCounts(store);
    const controller = new AbortController();
    const sent: number[] = [];
    const failure = await ingestFile(store, {
      datasetId,
      location: path,
      signal: controller.signal,
      onProgress: ({ records }) => {
        sent.push(records);
        if (records === 2 * BATCH_SIZE) controller.abort();
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IngestInterrupted);
    expect(sent).toEqual([BATCH_SIZE, 2 * BATCH_SIZE]);
    expect(await tableCounts(store)).toEqual(before);
    // The connection the COPY ran on went back to the pool fit for use: the same file goes in afterwards.
    expect(await ingestFile(store, { datasetId, location: path })).toMatchObject({ status: "ingested", records: 5 * BATCH_SIZE });
  });

  it("stores the same records as one INSERT per batch does", async () => {
    // Fields of their own, so that the types earlier files gave the dataset's fields do not refuse these values.
    const columns = "code,label,area,note,count";
    const lines = [
      ...rows(BATCH_SIZE + 3),
      `Q1,"Tower ""A"" \\B\\\\",Wan Chai,2024-02-30,<1`, // a backslash, doubled quotes; count turns STRING here
      `Q2,"tab\there","new\nline",2024-03-01T08:00:00+08:00,45`,
      `Q3,伊利沙伯醫院 \u2028,"\r\ncarriage",,`,
      `Q4,\\N,\\.,1e3,0.10`,
    ];
    const copied = csvFile("same-a.csv", lines, columns);
    const inserted = csvFile("same-b.csv", [...lines, ""], columns); // other bytes, so not a duplicate
    const observedAt = new Date("2026-01-20T04:30:00+08:00");
    const first = await ingestFile(store, { datasetId, location: copied, observedAt });
    const second = await ingestFile({ ...store, recordTransaction: insertingRecordTransaction }, { datasetId, location: inserted, observedAt });
    expect(first).toMatchObject({ status: "ingested", records: lines.length });
    expect(second).toMatchObject({ status: "ingested", records: lines.length });
    const stored = async (ingestionId: number) =>
      (await store.prisma.record.findMany({ where: { ingestionId }, orderBy: { ordinal: "asc" } })).map(({ ordinal, observedAt, fields }) => ({ ordinal, observedAt, fields }));
    const records = await stored(first.ingestionId!);
    expect(records).toHaveLength(lines.length);
    expect(records.at(-4)?.fields).toEqual({ code: "Q1", label: 'Tower "A" \\B\\\\', area: "Wan Chai", note: "2024-02-30", count: "<1" });
    expect(records.at(-3)?.fields).toMatchObject({ label: "tab\there", area: "new\nline" });
    expect(records.at(-1)?.fields).toMatchObject({ label: "\\N", area: "\\." });
    expect(records[0]?.fields).toMatchObject({ count: "0" }); // a number stored first, text once the field is STRING
    expect(await stored(second.ingestionId!)).toEqual(records);
  });
});
