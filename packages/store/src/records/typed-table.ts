import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { recordFieldText } from "./sql.js";
import { readDatasetFields } from "./write.js";
import type { FieldType, RecordFieldInfo } from "./types.js";

type Transaction = Prisma.TransactionClient;

/**
 * Typed storage per dataset. Every record stays in "Record" (its fields as JSONB: provenance,
 * `Record.fields`, the typed views' SQL); beside it each dataset has a table in this schema with
 * one typed column per field, which the record-query layer filters, sorts, counts and aggregates
 * on, joining "Record" only for the rows it returns. The table is the store's own, not Prisma's:
 * created and altered here, inside the transaction of the file whose fields need it, so a file
 * that fails leaves no table, column or row of it behind.
 *
 *   CREATE TABLE "dataset_records"."<dataset id>" (
 *     id bigint PRIMARY KEY,                -- the record's "Record".id
 *     "ingestionId" int NOT NULL,           -- its rows go with the file (a trigger on "Ingestion")
 *     resource text NOT NULL, "observedAt" timestamptz(3) NOT NULL,
 *     "f<position>" <type>, ...             -- one per DatasetField, by its position
 *   )
 *
 * plus btree indexes on ("ingestionId", "observedAt") (a snapshot's rows), ("observedAt")
 * (windows), and those the dataset's `filterFields` and `sortFields` ask for.
 */
export const TYPED_RECORDS_SCHEMA = "dataset_records";

/** A name as an SQL identifier, quoted: dataset ids are slugs with hyphens. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The typed table of a dataset's records. */
export function typedTable(datasetId: string): string {
  return `${quoteIdentifier(TYPED_RECORDS_SCHEMA)}.${quoteIdentifier(datasetId)}`;
}

/** A field's column, named by its position: field names are published text of any length. */
export function typedColumn(field: Pick<RecordFieldInfo, "position">): string {
  return `"f${field.position}"`;
}

/**
 * The column type of each field type. A DATE stays its ISO text (it orders as dates do, and
 * reads back as published); the others are the casts readers always compared them with.
 */
const columnTypes: Readonly<Record<FieldType, string>> = {
  STRING: "text",
  NUMBER: "numeric",
  BOOLEAN: "boolean",
  DATE: "text",
  DATETIME: "timestamptz",
};

/** How PostgreSQL's format_type names each column type, to see a column whose field changed type. */
const formattedTypes: Readonly<Record<FieldType, string>> = { ...columnTypes, DATETIME: "timestamp with time zone" };

/** The SQL type of a field's column (also the cast of a value compared with it). */
export function columnType(type: FieldType): string {
  return columnTypes[type];
}

/** A field's value taken out of the JSONB of "Record" row `record`, as its typed column holds it. */
export function valueFromJson(field: RecordFieldInfo, record = "r"): string {
  const text = `(${recordFieldText(record, field.name)})`;
  return columnTypes[field.type] === "text" ? text : `${text}::${columnTypes[field.type]}`;
}

interface TypedIndex {
  readonly name: string;
  /** The columns in index order, each with its direction. */
  readonly columns: readonly string[];
  /** The plain column names it uses (a column retyped drops the index). */
  readonly uses: readonly string[];
}

/** "-admittedAt": descending (newest first, NULLs last, as a page orders); "admittedAt": ascending. */
function sortMark(mark: string): { readonly name: string; readonly descending: boolean } {
  return mark.startsWith("-") ? { name: mark.slice(1), descending: true } : { name: mark, descending: false };
}

/** Index names are unique per schema and at most 63 bytes: the dataset's id, shortened, and a hash of the columns. */
function indexName(datasetId: string, columns: readonly string[]): string {
  const hash = createHash("sha256").update(`${datasetId}\n${columns.join(",")}`).digest("hex").slice(0, 12);
  return `${datasetId.slice(0, 40)}_${hash}`;
}

/**
 * The indexes a dataset's table should have, for the fields it has so far: always one for a
 * snapshot's rows and one for windows of observation time; one led by each filter field, then
 * the first sort field (or the record id, the default order); one per sort field.
 */
function typedIndexes(datasetId: string, fields: readonly RecordFieldInfo[], filterFields: readonly string[], sortFields: readonly string[]): TypedIndex[] {
  const byName = new Map(fields.map((field) => [field.name, typedColumn(field)]));
  const sorts = sortFields.map(sortMark).flatMap((mark) => {
    const column = byName.get(mark.name);
    return column ? [{ column, term: mark.descending ? `${column} DESC NULLS LAST` : column }] : [];
  });
  const index = (terms: readonly string[], uses: readonly string[]): TypedIndex => ({ name: indexName(datasetId, terms), columns: terms, uses });
  const indexes = [index([`"ingestionId"`, `"observedAt"`], []), index([`"observedAt"`], [])];
  const firstSort = sorts[0];
  for (const name of filterFields) {
    const column = byName.get(name);
    if (!column) continue; // marked, but no file has had it yet
    indexes.push(firstSort ? index([column, firstSort.term, "id"], [column, firstSort.column]) : index([column, "id"], [column]));
  }
  for (const sort of sorts) indexes.push(index([sort.term, "id"], [sort.column]));
  return [...new Map(indexes.map((entry) => [entry.name, entry])).values()];
}

interface TableState {
  readonly present: boolean;
  /** Column name -> format_type. */
  readonly columns: Readonly<Record<string, string>>;
  readonly indexes: readonly string[];
  readonly filterFields: readonly string[];
  readonly sortFields: readonly string[];
}

/** The table's columns and indexes as the catalogue has them, and the dataset's marks, in one statement. */
const tableStateSql =
  `SELECT to_regclass($1) IS NOT NULL AS present,` +
  ` (SELECT coalesce(json_object_agg(a.attname, format_type(a.atttypid, a.atttypmod)), '{}'::json) FROM pg_attribute a` +
  `   WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped) AS columns,` +
  ` (SELECT coalesce(json_agg(c.relname), '[]'::json) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1)) AS indexes,` +
  ` d."filterFields", d."sortFields" FROM "Dataset" d WHERE d.id = $2`;

/**
 * Brings a dataset's typed table up to its fields and puts records in it, inside `tx` (which
 * must hold the dataset's row lock, as an ingest does, so two never alter one table at once):
 * - no table yet: creates it with a column per field, fills it with every record the dataset
 *   has ("Record", this file's included), then builds its indexes (faster than row by row);
 * - a table: adds the columns of new fields; a field whose type changed gets its column again,
 *   refilled from the records' JSON; then puts in the records of `ingestionId`, if given.
 * Then creates any index it should have and lacks. Every statement is idempotent (IF NOT EXISTS,
 * or decided from the catalogue just read), so running it twice changes nothing the second time.
 */
export async function syncTypedTable(tx: Transaction, datasetId: string, fields: readonly RecordFieldInfo[], ingestionId: number | null): Promise<void> {
  const table = typedTable(datasetId);
  const [state] = await tx.$queryRawUnsafe<TableState[]>(tableStateSql, table, datasetId);
  if (!state) throw new Error(`Dataset ${JSON.stringify(datasetId)} does not exist, so it has no typed table`);
  const retyped = new Set<string>();
  const columns = (list: readonly RecordFieldInfo[]) => list.map((field) => `${typedColumn(field)}, `).join("");
  const values = (list: readonly RecordFieldInfo[]) => list.map((field) => `${valueFromJson(field)}, `).join("");
  const insert = `INSERT INTO ${table} (${columns(fields)}id, "ingestionId", resource, "observedAt") SELECT ${values(fields)}r.id, r."ingestionId", r.resource, r."observedAt" FROM "Record" r`;
  if (!state.present) {
    const definitions = fields.map((field) => `${typedColumn(field)} ${columnTypes[field.type]}, `).join("");
    await tx.$executeRawUnsafe(
      `CREATE TABLE IF NOT EXISTS ${table} (${definitions}id bigint PRIMARY KEY,` +
        ` "ingestionId" integer NOT NULL, resource text NOT NULL, "observedAt" timestamptz(3) NOT NULL)`,
    );
    await tx.$executeRawUnsafe(`${insert} WHERE r."datasetId" = $1`, datasetId);
  } else {
    const added = fields.filter((field) => state.columns[`f${field.position}`] === undefined);
    const changed = fields.filter((field) => {
      const stored = state.columns[`f${field.position}`];
      return stored !== undefined && stored !== formattedTypes[field.type];
    });
    const alterations = [
      ...changed.map((field) => `DROP COLUMN ${typedColumn(field)}`),
      ...[...changed, ...added].map((field) => `ADD COLUMN ${typedColumn(field)} ${columnTypes[field.type]}`),
    ];
    if (alterations.length > 0) await tx.$executeRawUnsafe(`ALTER TABLE ${table} ${alterations.join(", ")}`);
    if (changed.length > 0) {
      for (const field of changed) retyped.add(typedColumn(field));
      const assignments = changed.map((field) => `${typedColumn(field)} = ${valueFromJson(field)}`).join(", ");
      await tx.$executeRawUnsafe(`UPDATE ${table} t SET ${assignments} FROM "Record" r WHERE r.id = t.id`);
    }
    if (ingestionId !== null) await tx.$executeRawUnsafe(`${insert} WHERE r."ingestionId" = $1`, ingestionId);
  }
  const existing = new Set(state.indexes);
  for (const index of typedIndexes(datasetId, fields, state.filterFields, state.sortFields)) {
    if (existing.has(index.name) && !index.uses.some((column) => retyped.has(column))) continue;
    await tx.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(index.name)} ON ${table} (${index.columns.join(", ")})`);
  }
}

/** Datasets with fields but no typed table: ingested before typed tables, or by an older version of the store. */
const missingTablesSql =
  `SELECT d.id FROM "Dataset" d WHERE EXISTS (SELECT 1 FROM "DatasetField" f WHERE f."datasetId" = d.id)` +
  ` AND to_regclass(format('%I.%I', '${TYPED_RECORDS_SCHEMA}', d.id)) IS NULL ORDER BY d.position`;

/**
 * Builds the typed table of every dataset that has records but no table, one transaction per
 * dataset under its row lock (an ingest of it waits, then finds the table). Called when a store
 * opens with migrations: a database migrated to typed tables gets them before its first read.
 * Returns the datasets it built.
 */
export async function buildMissingTypedTables(prisma: PrismaClient): Promise<string[]> {
  const missing = await prisma.$queryRawUnsafe<Array<{ id: string }>>(missingTablesSql);
  for (const { id } of missing) {
    await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT 1 FROM "Dataset" WHERE id = $1 FOR UPDATE`, id);
        await syncTypedTable(tx, id, await readDatasetFields(tx, id), null);
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
  }
  return missing.map((row) => row.id);
}
