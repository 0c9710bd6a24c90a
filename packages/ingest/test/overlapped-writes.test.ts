import { join } from "node:path";
import type { Prisma, PrismaClient, Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BATCH_SIZE, IngestError, ingestFile, type IngestProgress, type RawRow } from "../src/index.js";
import { rowValidator } from "../src/validate-row.js";
import { writeIngestion, type IngestionToWrite } from "../src/write-ingestion.js";
import { ingestFailure } from "./support/fixtures.js";
import { scratchFiles } from "./support/scratch-files.js";
import { openTestStore, tableCounts } from "./support/store.js";

/*
 * The ingest reads and prepares batch N+1 while batch N's INSERT is in flight. Whichever fails,
 * the transaction must end only after that INSERT has, leave the database as it was, and
 * surface one error: the INSERT's when both fail, as its rows come first in the file.
 */

let store: Store;
const scratch = scratchFiles("overlap");
beforeAll(async () => {
  store = await openTestStore();
  // Something to leave alone.
  await ingestFile(store, { datasetId: "hb-ehrss-healthcare-providers", location: csvFile("before.csv", rows(10)) });
  // A value the ingest accepts and the database refuses, so an INSERT itself fails. (A NUL did
  // this once; the ingest now refuses it itself, before any INSERT.)
  await store.prisma.$executeRawUnsafe(
    `ALTER TABLE "Record" ADD CONSTRAINT test_refused_name CHECK (fields->>'name' IS DISTINCT FROM '${refusedName}') NOT VALID`,
  );
});
afterAll(async () => {
  await store?.close();
  scratch.remove();
});

const datasetId = "hb-ehrss-healthcare-providers"; // no row schema of its own
const header = "id,name,district,opened";
const refusedName = "Clinic the database refuses";

function rows(count: number, cell: (index: number) => string | undefined = () => undefined): string[] {
  return Array.from({ length: count }, (_, index) => cell(index) ?? `P${index},Clinic ${index},Kwun Tong,2024-01-0${(index % 9) + 1}`);
}

function csvFile(name: string, lines: readonly string[]): string {
  return scratch.csv(name, header, lines);
}

describe("through ingestFile", () => {
  it("fails on a bad row in the batch after one in flight, writing nothing", async () => {
    const bad = BATCH_SIZE + 5; // 0-based: line bad + 2
    const path = csvFile("late-error.csv", rows(2 * BATCH_SIZE + 10, (index) => (index === bad ? "P,only two" : undefined)));
    const before = await tableCounts(store);
    const progress: IngestProgress[] = [];
    const message = await ingestFailure(ingestFile(store, { datasetId, location: path, onProgress: (report) => progress.push(report) }));
    expect(message).toBe(`${path}: line ${bad + 2}: expected 4 cells as in the header, got 2`);
    expect(progress.map((report) => report.records)).toEqual([BATCH_SIZE]); // the batch in flight finished, then was undone
    expect(await tableCounts(store)).toEqual(before);
  });

  it("fails when an INSERT itself fails, while the next batch is read, writing nothing", async () => {
    // The first batch's INSERT fails.
    const path = csvFile("refused.csv", rows(3 * BATCH_SIZE, (index) => (index === 7 ? `P7,${refusedName},Kwun Tong,2024-01-01` : undefined)));
    const before = await tableCounts(store);
    const message = await ingestFailure(ingestFile(store, { datasetId, location: path }));
    expect(message).toMatch(new RegExp(`^${escape(path)}: could not be stored, so nothing was \\(.+\\)$`));
    expect(await tableCounts(store)).toEqual(before);
  });

  it("reports the failed INSERT rather than a bad row read after it", async () => {
    const path = csvFile(
      "both.csv",
      rows(2 * BATCH_SIZE, (index) => (index === 7 ? `P7,${refusedName},Kwun Tong,2024-01-01` : index === BATCH_SIZE + 3 ? "P,only two" : undefined)),
    );
    const before = await tableCounts(store);
    const message = await ingestFailure(ingestFile(store, { datasetId, location: path }));
    expect(message).toMatch(new RegExp(`^${escape(path)}: could not be stored, so nothing was`));
    expect(await tableCounts(store)).toEqual(before);
  });

  it("writes every batch of a file that is fine, the last one partial", async () => {
    const path = csvFile("fine.csv", rows(2 * BATCH_SIZE + 7));
    const progress: IngestProgress[] = [];
    const result = await ingestFile(store, { datasetId, location: path, onProgress: (report) => progress.push(report) });
    expect(result).toMatchObject({ status: "ingested", records: 2 * BATCH_SIZE + 7 });
    expect(progress.map((report) => report.records)).toEqual([BATCH_SIZE, 2 * BATCH_SIZE, 2 * BATCH_SIZE + 7]);
    const ordinals = await store.prisma.$queryRawUnsafe<Array<{ count: number; min: number; max: number; distinct: number }>>(
      `SELECT count(*)::int AS count, min(ordinal) AS min, max(ordinal) AS max, count(DISTINCT ordinal)::int AS distinct FROM "Record" WHERE "ingestionId" = $1`,
      result.ingestionId,
    );
    expect(ordinals[0]).toEqual({ count: 2 * BATCH_SIZE + 7, min: 1, max: 2 * BATCH_SIZE + 7, distinct: 2 * BATCH_SIZE + 7 });
  });
});

describe("with an INSERT held in flight", () => {
  /** Events in the order they happened. */
  let events: string[];

  /**
   * store.prisma, but each INSERT of records waits for `gate` once sent, then runs (or fails with
   * `insertError`): the test decides how long a batch stays in flight.
   */
  function heldInserts(gate: Promise<void>, insertError?: Error): PrismaClient {
    const holding = (tx: Prisma.TransactionClient): Prisma.TransactionClient =>
      new Proxy(tx, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property);
          if (property !== "$executeRawUnsafe" || typeof value !== "function") return value;
          return async (sql: string, ...values: unknown[]) => {
            if (!sql.includes(`INSERT INTO "Record"`)) return value.call(target, sql, ...values);
            events.push("insert sent");
            await gate;
            if (insertError) {
              events.push("insert failed");
              throw insertError;
            }
            const count: number = await value.call(target, sql, ...values);
            events.push("insert done");
            return count;
          };
        },
      });
    return new Proxy(store.prisma, {
      get(target, property) {
        if (property !== "$transaction") return Reflect.get(target, property);
        return (work: (tx: Prisma.TransactionClient) => Promise<unknown>, options: object) => target.$transaction((tx) => work(holding(tx)), options);
      },
    });
  }

  let sequence = 0;
  function ingestion(rowSource: AsyncIterable<RawRow>): IngestionToWrite {
    const fetchedAt = new Date();
    const location = join(scratch.dir, `held-${++sequence}.csv`);
    return {
      datasetId,
      resource: datasetId,
      format: "CSV",
      file: { path: location, location, fetchedAt, sha256: `held-${sequence}-${Date.now()}`, firstBytes: Buffer.alloc(0), dispose: async () => {} },
      rows: rowSource,
      validate: rowValidator(datasetId, location),
      maxRecordCharacters: 1_000_000,
      observation: { ofFile: fetchedAt, ofRecord: () => fetchedAt },
      releases: [],
    };
  }

  const row = (ordinal: number): RawRow => ({ ordinal, location: `line ${ordinal + 1}`, fields: { id: `P${ordinal}`, name: "Clinic" } });

  it("waits for the batch in flight before failing on a bad row of the next, and writes nothing", async () => {
    events = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let closed = false;
    async function* rowSource(): AsyncGenerator<RawRow> {
      try {
        for (let ordinal = 1; ordinal <= BATCH_SIZE + 3; ordinal++) yield row(ordinal);
        expect(events).toEqual(["insert sent"]); // the first batch is in flight while this one is read
        setTimeout(open, 50); // and stays so after the failure
        events.push("row failed");
        throw new IngestError("held.csv", "a bad row", `line ${BATCH_SIZE + 5}`);
      } finally {
        closed = true;
      }
    }
    const before = await tableCounts(store);
    const failure = await writeIngestion(heldInserts(gate), ingestion(rowSource())).catch((error: unknown) => error);
    events.push("transaction ended");
    expect(failure).toBeInstanceOf(IngestError);
    expect((failure as IngestError).message).toBe(`held.csv: line ${BATCH_SIZE + 5}: a bad row`);
    expect(events).toEqual(["insert sent", "row failed", "insert done", "transaction ended"]);
    expect(closed).toBe(true);
    expect(await tableCounts(store)).toEqual(before);
  });

  it("stops reading at the next batch when the INSERT in flight fails, and surfaces its error", async () => {
    events = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let read = 0;
    let closed = false;
    async function* rowSource(): AsyncGenerator<RawRow> {
      try {
        for (let ordinal = 1; ordinal <= 5 * BATCH_SIZE; ordinal++) {
          if (ordinal === BATCH_SIZE + 10) open(); // the first INSERT fails while the second batch is read
          read = ordinal;
          yield row(ordinal);
        }
      } finally {
        closed = true;
      }
    }
    const insertError = new Error("the database refused the batch");
    const before = await tableCounts(store);
    const failure = await writeIngestion(heldInserts(gate, insertError), ingestion(rowSource())).catch((error: unknown) => error);
    expect(failure).toBe(insertError);
    expect(events).toEqual(["insert sent", "insert failed"]); // the second batch was never sent
    expect(read).toBe(2 * BATCH_SIZE); // read up to the end of the batch being filled, no further
    expect(closed).toBe(true);
    expect(await tableCounts(store)).toEqual(before);
  });

  it("surfaces the failed INSERT's error when the next batch also has a bad row", async () => {
    events = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    async function* rowSource(): AsyncGenerator<RawRow> {
      for (let ordinal = 1; ordinal <= BATCH_SIZE + 3; ordinal++) yield row(ordinal);
      setTimeout(open, 20);
      throw new IngestError("held.csv", "a bad row", `line ${BATCH_SIZE + 5}`);
    }
    const insertError = new Error("the database refused the batch");
    const failure = await writeIngestion(heldInserts(gate, insertError), ingestion(rowSource())).catch((error: unknown) => error);
    expect(failure).toBe(insertError);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
