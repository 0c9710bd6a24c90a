import { AgencyCode, DataFormat, UpdateFrequency } from "@hkhealth/plan";
import { buildMissingTypedTables, registerDataset, typedTable, type Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../src/index.js";
import { ingestFailure } from "./support/fixtures.js";
import { scratchFiles } from "./support/scratch-files.js";
import { openTestStore } from "./support/store.js";

/*
 * Each dataset's typed table (store records/typed-table.ts), as the ingest keeps it: created,
 * altered and filled inside the file's transaction, so a failed file leaves no trace of it.
 */

let store: Store;
const scratch = scratchFiles("typed");
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
  scratch.remove();
});

const header = "id,name,district,opened,beds";

async function register(id: string): Promise<void> {
  await registerDataset(store.prisma, {
    id,
    agency: AgencyCode.HB,
    titleEn: `Test ${id}`,
    titleZh: `測試 ${id}`,
    updateFrequency: UpdateFrequency.MONTHLY,
    formats: [DataFormat.CSV],
    filterFields: ["district"],
    sortFields: ["-opened", "beds"],
  });
}

function csvFile(name: string, lines: readonly string[], columns = header): string {
  return scratch.csv(name, columns, lines);
}

async function tableExists(datasetId: string): Promise<boolean> {
  const [row] = await store.prisma.$queryRawUnsafe<Array<{ present: boolean }>>(`SELECT to_regclass($1) IS NOT NULL AS present`, typedTable(datasetId));
  return row!.present;
}

/** The table's columns and their types, in order. */
async function columnsOf(datasetId: string): Promise<Record<string, string>> {
  const rows = await store.prisma.$queryRawUnsafe<Array<{ name: string; type: string }>>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    typedTable(datasetId),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.type]));
}

/** The column lists of the table's indexes, as PostgreSQL prints them, sorted. */
async function indexColumns(datasetId: string): Promise<string[]> {
  const rows = await store.prisma.$queryRawUnsafe<Array<{ definition: string }>>(
    `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = to_regclass($1)`,
    typedTable(datasetId),
  );
  return rows.map((row) => row.definition.replace(/^.* USING btree /, "")).sort();
}

describe("typed tables", () => {
  it("creates a dataset's table with a column per field, typed, its rows and the indexes its marks ask for", async () => {
    await register("test-typed-create");
    const path = csvFile("create.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10", "P2,Clinic 2,Sha Tin,2024-01-03,5.5"]);
    await ingestFile(store, { datasetId: "test-typed-create", location: path });
    expect(await columnsOf("test-typed-create")).toEqual({
      f1: "text",
      f2: "text",
      f3: "text",
      f4: "text",
      f5: "numeric",
      id: "bigint",
      ingestionId: "integer",
      resource: "text",
      observedAt: "timestamp(3) with time zone",
    });
    const rows = await store.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
      `SELECT t.f1, t.f3, t.f4, t.f5::text AS f5, t.id = r.id AS same FROM ${typedTable("test-typed-create")} t JOIN "Record" r ON r.id = t.id ORDER BY r.ordinal`,
    );
    expect(rows).toEqual([
      { f1: "P1", f3: "Kwun Tong", f4: "2024-01-02", f5: "10", same: true },
      { f1: "P2", f3: "Sha Tin", f4: "2024-01-03", f5: "5.5", same: true },
    ]);
    expect(await indexColumns("test-typed-create")).toEqual([
      `("ingestionId", "observedAt")`,
      `("observedAt")`,
      "(f3, f4 DESC NULLS LAST, id)",
      "(f4 DESC NULLS LAST, id)",
      "(f5, id)",
      "(id)",
    ]);
  });

  it("leaves no table behind when the file that would create it fails, nor a column when one that adds it fails", async () => {
    await register("test-typed-fail");
    const bad = csvFile("bad.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10", "P2,Clinic \u0000,Sha Tin,2024-01-03,5"]);
    expect(await ingestFailure(ingestFile(store, { datasetId: "test-typed-fail", location: bad }))).toMatch(/bad\.csv/);
    expect(await tableExists("test-typed-fail")).toBe(false);

    await ingestFile(store, { datasetId: "test-typed-fail", location: csvFile("good.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10"]) });
    const before = await columnsOf("test-typed-fail");
    const badWider = csvFile("bad-wider.csv", ["P3,Clinic 3,Kwun Tong,2024-01-02,10,123", "P4,Clinic \u0000,Sha Tin,2024-01-03,5,456"], `${header},phone`);
    await ingestFailure(ingestFile(store, { datasetId: "test-typed-fail", location: badWider }));
    expect(await columnsOf("test-typed-fail")).toEqual(before);
    const [count] = await store.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${typedTable("test-typed-fail")}`);
    expect(count!.n).toBe(1);
  });

  it("adds the column of a new field, and gives a field that became text its column again, refilled, with its index", async () => {
    await register("test-typed-alter");
    await ingestFile(store, { datasetId: "test-typed-alter", location: csvFile("alter-1.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10"]) });
    // As a type declared in the dataset's module later does: the stored type is no longer the column's.
    await store.prisma.datasetField.update({ where: { datasetId_name: { datasetId: "test-typed-alter", name: "beds" } }, data: { type: "STRING" } });
    const second = csvFile("alter-2.csv", ["P2,Clinic 2,Sha Tin,2024-01-03,n/a,2345 6789"], `${header},phone`);
    await ingestFile(store, { datasetId: "test-typed-alter", location: second });
    const columns = await columnsOf("test-typed-alter");
    expect(columns.f5).toBe("text");
    expect(columns.f6).toBe("text");
    const rows = await store.prisma.$queryRawUnsafe<Array<{ beds: string; phone: string | null }>>(
      `SELECT f5 AS beds, f6 AS phone FROM ${typedTable("test-typed-alter")} ORDER BY id`,
    );
    expect(rows).toEqual([
      { beds: "10", phone: null },
      { beds: "n/a", phone: "2345 6789" },
    ]);
    expect(await indexColumns("test-typed-alter")).toContain("(f5, id)");
  });

  it("creates the tables of two datasets whose first files go in side by side (no lock between them)", async () => {
    for (let round = 0; round < 3; round++) {
      const ids = [`test-typed-pair-${round}-a`, `test-typed-pair-${round}-b`];
      for (const id of ids) await register(id);
      const results = await Promise.all(
        ids.map((id) => ingestFile(store, { datasetId: id, location: csvFile(`${id}.csv`, ["P1,Clinic 1,Kwun Tong,2024-01-02,10"]) })),
      );
      expect(results.map((result) => result.status)).toEqual(["ingested", "ingested"]);
      for (const id of ids) expect(await tableExists(id)).toBe(true);
    }
  });

  it("sends no DDL for a file with the fields the table has", async () => {
    await register("test-typed-again");
    await ingestFile(store, { datasetId: "test-typed-again", location: csvFile("again-1.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10"]) });
    const { statements } = await store.sqlLog.record(() =>
      ingestFile(store, { datasetId: "test-typed-again", location: csvFile("again-2.csv", ["P2,Clinic 2,Sha Tin,2024-01-03,7"]) }),
    );
    expect(statements.filter((sql) => /\b(CREATE|ALTER|DROP)\b/.test(sql))).toEqual([]);
    expect(statements.filter((sql) => sql.startsWith(`INSERT INTO ${typedTable("test-typed-again")}`))).toHaveLength(1);
  });

  it("builds the table of a dataset ingested before typed tables, and the rows go with their ingestion", async () => {
    await register("test-typed-before");
    await ingestFile(store, { datasetId: "test-typed-before", location: csvFile("before.csv", ["P1,Clinic 1,Kwun Tong,2024-01-02,10", "P2,Clinic 2,Sha Tin,2024-01-03,7"]) });
    await store.prisma.$executeRawUnsafe(`DROP TABLE ${typedTable("test-typed-before")}`);
    expect(await buildMissingTypedTables(store.prisma)).toEqual(["test-typed-before"]);
    expect(await buildMissingTypedTables(store.prisma)).toEqual([]);
    const count = async () =>
      (await store.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${typedTable("test-typed-before")}`))[0]!.n;
    expect(await count()).toBe(2);
    await store.prisma.ingestion.deleteMany({ where: { datasetId: "test-typed-before" } });
    expect(await count()).toBe(0);
  });
});
