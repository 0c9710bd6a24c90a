import type { PrismaClient } from "../generated/prisma/client.js";
import { fieldExpression, filterConditions, requireField } from "./fields.js";
import { rowsToFetch, splitPage } from "./page.js";
import { inSnapshot, latestObservations } from "./snapshot.js";
import { SqlParams } from "./sql.js";
import { typedTable } from "./typed-table.js";
import {
  RecordQueryError,
  type FieldFilter,
  type FieldOrder,
  type FieldType,
  type RecordFieldInfo,
  type RecordSettings,
  type RecordWindow,
} from "./types.js";

/** A record as the graph returns it. */
export interface RecordRow {
  readonly id: string;
  readonly ingestionId: number;
  readonly observedAt: Date;
  readonly fields: Record<string, unknown>;
}

export interface RecordPageQuery extends RecordWindow {
  readonly filter?: readonly FieldFilter[] | null;
  readonly orderBy?: readonly FieldOrder[] | null;
  readonly first: number;
  /** Skip this many records (for a custom order). */
  readonly offset?: number;
  /** Start after this record id (default order: file order). */
  readonly afterId?: string;
}

/**
 * FROM and WHERE shared by pages, counts and aggregates, over the dataset's typed table `t`
 * (typed-table.ts) with its records `r` in "Record" LEFT JOINed by id: every typed row has its
 * record, and PostgreSQL leaves the join out of a statement that reads nothing of `r` (a
 * count, most aggregates), so only the rows a page returns are looked up there. A snapshot
 * dataset without `from`/`to` keeps, for each resource, only the records of its latest
 * observation at or before `asOf` (latestObservations: by observation time, then ingestion); a
 * cumulative one keeps every record up to `asOf`.
 */
function scope(
  settings: RecordSettings,
  window: RecordWindow,
  filters: readonly FieldFilter[] | null | undefined,
  params: SqlParams,
  conditions: string[] = [],
) {
  // A dataset without fields has had no records, and has no typed table yet.
  const table = settings.fields.length > 0 ? typedTable(settings.datasetId) : noRecords(settings.datasetId, params);
  const ranged = window.from != null || window.to != null;
  let from = `${table} t`;
  if (settings.mode === "SNAPSHOT" && !ranged) {
    const series = latestObservations({ datasetIds: settings.datasetId, resources: window.resource, asOf: window.asOf }, params);
    // An ingestion is of one resource, so its id and the observation time pick the snapshot's rows.
    from = `${series.from} JOIN ${table} t ON ${inSnapshot("snapshot", "t")}`;
  } else {
    if (window.resource != null) conditions.push(`t.resource = ${params.add(window.resource)}`);
    if (window.from != null) conditions.push(`t."observedAt" >= ${params.add(window.from, "timestamptz")}`);
    if (window.to != null) conditions.push(`t."observedAt" <= ${params.add(window.to, "timestamptz")}`);
    if (window.asOf != null) conditions.push(`t."observedAt" <= ${params.add(window.asOf, "timestamptz")}`);
  }
  for (const filter of filters ?? []) conditions.push(...filterConditions(settings, filter, params));
  return `FROM ${from} LEFT JOIN "Record" r ON r.id = t.id${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
}

/** A relation shaped like a typed table, with no rows, that names the dataset (so a cached answer of it goes when it gets records). */
function noRecords(datasetId: string, params: SqlParams): string {
  return `(SELECT NULL::bigint AS id, NULL::int AS "ingestionId", NULL::text AS resource, NULL::timestamptz AS "observedAt" FROM "Dataset" WHERE id = ${params.add(datasetId)} AND FALSE)`;
}

function orderClause(settings: RecordSettings, orderBy: readonly FieldOrder[] | null | undefined): string {
  const terms = (orderBy ?? []).map((order) => {
    const field = requireField(settings, order.field);
    return `${fieldExpression(field)} ${order.direction === "DESC" ? "DESC" : "ASC"} NULLS LAST`;
  });
  return [...terms, "t.id ASC"].join(", ");
}

/** One page of records, in the order asked (file order by default), plus whether more follow. */
export async function findRecords(
  prisma: PrismaClient,
  settings: RecordSettings,
  query: RecordPageQuery,
): Promise<{ records: RecordRow[]; hasNextPage: boolean }> {
  const params = new SqlParams();
  const after = query.afterId !== undefined ? [`t.id > ${params.add(query.afterId, "bigint")}`] : [];
  const where = scope(settings, query, query.filter, params, after);
  const sql =
    `SELECT t.id::text AS id, t."ingestionId", t."observedAt", r.fields ${where}` +
    ` ORDER BY ${orderClause(settings, query.orderBy)} LIMIT ${params.add(rowsToFetch(query.first), "int")}` +
    (query.offset ? ` OFFSET ${params.add(query.offset, "int")}` : "");
  const rows = await prisma.$queryRawUnsafe<RecordRow[]>(sql, ...params.values);
  const page = splitPage(rows, query.first);
  return { records: page.rows.map((row) => ({ ...row, observedAt: new Date(row.observedAt) })), hasNextPage: page.hasNextPage };
}

/** How many records match, under the same window and filters as a page. */
export async function countRecords(
  prisma: PrismaClient,
  settings: RecordSettings,
  query: RecordWindow & { filter?: readonly FieldFilter[] | null },
): Promise<number> {
  const params = new SqlParams();
  const sql = `SELECT count(*)::int AS count ${scope(settings, query, query.filter, params)}`;
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(sql, ...params.values);
  return row?.count ?? 0;
}

export type AggregateFunction = "sum" | "avg" | "min" | "max" | "median";

/** Functions of NUMBER fields only, computed as float8. */
const numericFunctions: Readonly<Partial<Record<AggregateFunction, (value: string) => string>>> = {
  sum: (value) => `sum(${value})::float8`,
  avg: (value) => `avg(${value})::float8`,
  // Interpolated between the two middle values of an even group, as percentile_cont does.
  median: (value) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${value})::float8`,
};

/** A part of a field's time to group by, in Hong Kong time: the hour (0-23), the ISO day of the week (1 Monday - 7 Sunday). */
export type TimePart = "HOUR_OF_DAY" | "DAY_OF_WEEK";

export interface TimeGrouping {
  /** A DATETIME field (or a DATE one, for DAY_OF_WEEK). */
  readonly field: string;
  readonly part: TimePart;
}

/** Each time part: its name in a key, in messages, PostgreSQL's extract() field and the field types it is taken from. */
const timeParts: Readonly<Record<TimePart, { key: string; label: string; extract: string; types: readonly FieldType[] }>> = {
  HOUR_OF_DAY: { key: "hourOfDay", label: "hour of day", extract: "hour", types: ["DATETIME"] },
  DAY_OF_WEEK: { key: "dayOfWeek", label: "day of week", extract: "isodow", types: ["DATE", "DATETIME"] },
};

/** The key's name for a time part of a field: "updateTime.hourOfDay". */
export function timeGroupingKey(grouping: TimeGrouping): string {
  return `${grouping.field}.${timeParts[grouping.part].key}`;
}

/** The SQL of a field's time part in Hong Kong (a DATE is a Hong Kong day already), or why the field has none. */
function timePart(settings: RecordSettings, grouping: TimeGrouping): string {
  const field = requireField(settings, grouping.field);
  const part = timeParts[grouping.part];
  if (!part.types.includes(field.type)) {
    throw new RecordQueryError(`Grouping by the ${part.label} needs a ${part.types.join(" or ")} field; ${JSON.stringify(field.name)} is ${field.type}`);
  }
  const value = field.type === "DATE" ? `${fieldExpression(field)}::date` : `${fieldExpression(field)} AT TIME ZONE 'Asia/Hong_Kong'`;
  return `extract(${part.extract} FROM ${value})::int`;
}

export interface AggregateRequest {
  readonly fn: AggregateFunction;
  readonly field: string;
}

export interface AggregateQuery extends RecordWindow {
  readonly groupBy: readonly string[];
  /** Parts of fields' times to group by as well (the hour of day, the day of week). */
  readonly groupByTime?: readonly TimeGrouping[] | null;
  readonly filter?: readonly FieldFilter[] | null;
  /** The aggregates the client selected; each is computed in the same statement. */
  readonly aggregates: readonly AggregateRequest[];
}

export interface AggregateGroup {
  readonly key: Record<string, unknown>;
  readonly count: number;
  /** `"sum:field"` -> value. */
  readonly values: ReadonlyMap<string, unknown>;
}

export const MAX_GROUPS = 10_000;

export function aggregateKey(request: AggregateRequest): string {
  return `${request.fn}:${request.field}`;
}

function aggregateValue(type: FieldType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "NUMBER") return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * What records are grouped on for a field, and how a group's value of it becomes the key's JSON,
 * as the record holds it: the typed column, made JSON once per group (a text, a number, a
 * boolean reads back the same; grouping and sorting typed values is cheaper than JSON ones),
 * except a DATETIME, grouped on its JSON, as its column has lost the offset it was published with.
 */
function fieldGroup(field: RecordFieldInfo, name: string): { readonly value: string; readonly json: (grouped: string) => string } {
  if (field.type === "DATETIME") return { value: `coalesce(r.fields->${name}, 'null'::jsonb)`, json: (grouped) => grouped };
  return { value: fieldExpression(field), json: typedGroupJson };
}

/** A typed group value as the key's JSON: a missing value and a JSON null are both null. */
function typedGroupJson(grouped: string): string {
  return `coalesce(to_jsonb(${grouped}), 'null'::jsonb)`;
}

/**
 * Counts (and sums, averages, medians, minima, maxima) per group of field values and parts of
 * their times, computed in PostgreSQL.
 *
 * The records' values are taken out in a subquery the planner keeps (OFFSET 0): the groups'
 * values (fieldGroup) and the aggregated fields, typed. Grouping those narrow rows on plain
 * columns lets PostgreSQL hash them; the key object is built per group afterwards. Grouping on
 * a key built per record sorted whole records instead (spilling to disk on large windows).
 */
export async function aggregateRecords(
  prisma: PrismaClient,
  settings: RecordSettings,
  query: AggregateQuery,
): Promise<AggregateGroup[]> {
  const params = new SqlParams();
  const groupFields = query.groupBy.map((name) => requireField(settings, name));
  const requests = [...new Map(query.aggregates.map((request) => [aggregateKey(request), request])).values()];
  /** The fields aggregated, each taken out of the records once (as v0, v1...). */
  const valueFields: RecordFieldInfo[] = [];
  const columns = requests.map((request, index) => {
    const field = requireField(settings, request.field);
    const numeric = numericFunctions[request.fn];
    if (numeric && field.type !== "NUMBER") {
      throw new RecordQueryError(`${request.fn} needs a NUMBER field; ${JSON.stringify(field.name)} is ${field.type}`);
    }
    if (!valueFields.includes(field)) valueFields.push(field);
    const value = `v${valueFields.indexOf(field)}`;
    return `${numeric ? numeric(value) : `${request.fn}(${value})`} AS a${index}`;
  });
  const timeGroupings = query.groupByTime ?? [];
  const groups = [
    ...groupFields.map((field) => {
      const name = params.add(field.name, "text");
      return { name, ...fieldGroup(field, name) };
    }),
    ...timeGroupings.map((grouping) => ({ name: params.add(timeGroupingKey(grouping), "text"), value: timePart(settings, grouping), json: typedGroupJson })),
  ];
  const extracted = [
    ...groups.map((group, index) => `${group.value} AS g${index}`),
    ...valueFields.map((field, index) => `${fieldExpression(field)} AS v${index}`),
  ];
  const key = groups.length ? `jsonb_build_object(${groups.map((group, index) => `${group.name}, ${group.json(`g${index}`)}`).join(", ")})` : `'{}'::jsonb`;
  const sql =
    `SELECT ${key} AS key, count(*)::int AS count${columns.map((column) => `, ${column}`).join("")}` +
    ` FROM (SELECT ${extracted.length ? extracted.join(", ") : "NULL AS none"} ${scope(settings, query, query.filter, params)} OFFSET 0) extracted` +
    (groups.length ? ` GROUP BY ${groups.map((_, index) => `g${index}`).join(", ")} ORDER BY 1` : "") +
    ` LIMIT ${MAX_GROUPS + 1}`;
  const rows = await prisma.$queryRawUnsafe<Array<Record<string, unknown> & { key: Record<string, unknown>; count: number }>>(sql, ...params.values);
  if (rows.length > MAX_GROUPS) {
    const grouping = [...query.groupBy, ...timeGroupings.map(timeGroupingKey)].join(", ");
    throw new RecordQueryError(`Grouping by ${grouping} gives more than ${MAX_GROUPS} groups; filter first or group by fewer fields`);
  }
  return rows.map((row) => ({
    key: row.key,
    count: row.count,
    values: new Map(
      requests.map((request, index) => [aggregateKey(request), aggregateValue(requireField(settings, request.field).type, row[`a${index}`])]),
    ),
  }));
}
