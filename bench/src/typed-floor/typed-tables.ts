import pg from "pg";
import { psql, type CopyFigures } from "../fill/psql-copy.js";
import { aedHeader } from "../synthetic/aed.js";
import { wideHeader } from "../synthetic/wide.js";

/** A plain table with one typed column per CSV column, and the btree indexes its statements use. */
export interface TypedTable {
  readonly name: string;
  readonly columns: Readonly<Record<string, string>>;
  readonly indexes: readonly string[];
}

export const TYPED_AED = "bench_typed_aed";
export const TYPED_WIDE = "bench_typed_wide";

const aedTypes: Record<(typeof aedHeader)[number], string> = {
  hospName: "text", cluster: "text", t1wt: "text", manageT1case: "text", t2wt: "text", manageT2case: "text",
  t3p50: "integer", t3p95: "integer", t45p50: "integer", t45p95: "integer", updateTime: "timestamptz",
};

const wideTypes: Record<(typeof wideHeader)[number], string> = {
  recordNo: "integer", reportedOn: "date", admittedAt: "timestamptz", dischargedOn: "date", district: "text",
  cluster: "text", facilityType: "text", facilityName: "text", gender: "text", ageGroup: "text", age: "integer",
  triageCategory: "integer", waitMinutes: "integer", lengthOfStayHours: "float8", costHkd: "numeric",
  diagnosisCode: "text", outcome: "text", referralSource: "text", satisfactionScore: "float8", remarks: "text",
};

export const typedAed: TypedTable = {
  name: TYPED_AED,
  columns: aedTypes,
  // The history aggregate: one hospital, over time.
  indexes: [`("hospName", "updateTime")`],
};

export const typedWide: TypedTable = {
  name: TYPED_WIDE,
  columns: wideTypes,
  // The record page: one district, newest admissions first (NULLS LAST as the page orders, else
  // the index order is not the page's and PostgreSQL sorts every row of the district).
  indexes: [`(district, "admittedAt" DESC NULLS LAST, "recordNo")`],
};

/**
 * Creates the typed table with its indexes, then loads the CSV files with `psql \copy`, timed
 * from psql's start to its end: the indexes are built during the load, as an ingest into an
 * indexed table would. The CSV's local times are Hong Kong's and A&E's dates day-first (as the
 * store reads them). The table stays for the typed floor's load.
 */
export async function loadTypedTable(url: string, table: TypedTable, files: readonly string[]): Promise<CopyFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS "${table.name}"`);
    const columns = Object.entries(table.columns).map(([name, type]) => `"${name}" ${type}`);
    await client.query(`CREATE TABLE "${table.name}" (${columns.join(", ")})`);
    for (const [index, definition] of table.indexes.entries()) {
      await client.query(`CREATE INDEX "${table.name}_${index + 1}" ON "${table.name}" ${definition}`);
    }
    const started = performance.now();
    await psql(url, [
      "SET datestyle = 'ISO, DMY'",
      "SET TIME ZONE 'Asia/Hong_Kong'",
      ...files.map((file) => `\\copy "${table.name}" FROM '${file.replaceAll("'", "''")}' WITH (FORMAT csv, HEADER true)`),
    ]);
    const seconds = (performance.now() - started) / 1000;
    await client.query(`ANALYZE "${table.name}"`);
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table.name}"`);
    const records = rows[0]?.count ?? 0;
    return { records, seconds, recordsPerSecond: records / seconds };
  } finally {
    await client.end();
  }
}
