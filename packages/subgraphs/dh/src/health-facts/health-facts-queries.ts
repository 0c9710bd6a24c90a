import { healthFacts } from "@hkhealth/plan";
import { latestPerKey, type LatestRow } from "@hkhealth/store";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import { containsPattern, fieldText, queryRows, SqlParams } from "../sql.js";
import { HealthFact, parseHealthFact } from "./health-fact.js";
import type { HealthFactSection } from "./health-fact-section.js";

const column = healthFacts.fields;

/**
 * Every (statistic, year) figure once, as `l` with `l.year` and `l.value`: the wide table's year
 * columns unpivoted in PostgreSQL. An edition that leaves a year empty does not hide another's figure.
 */
function latestFigures(params: SqlParams, datasetId: string, year?: number): string {
  return latestPerKey(params, { tieBreak: "file", withoutNullKeys: true,
    datasetId,
    keys: [fieldText("r", column.section), fieldText("r", column.item), "y.key"],
    columns: ["y.key::int AS year", "y.value AS value"],
    join: "CROSS JOIN LATERAL jsonb_each(r.fields) AS y(key, value)",
    keyConditions: [
      "y.key ~ '^[0-9]{4}$'",
      "y.value <> 'null'::jsonb",
      ...(year !== undefined ? [`y.key = ${params.add(String(year))}`] : []),
    ],
  });
}

export interface FactQuery {
  /** A section's English name (any case) or Chinese name. */
  readonly section?: string | null;
  readonly year?: number | null;
  /** Text in the statistic's English or Chinese name, ignoring case. */
  readonly search?: string | null;
}

/** The figures asked for, in the table's row order, then by year. */
export async function findHealthFacts(context: GraphContext, datasetId: string, query: FactQuery): Promise<HealthFact[]> {
  const params = new SqlParams();
  const figures = latestFigures(params, datasetId, query.year ?? undefined);
  const conditions: string[] = [];
  if (query.section != null) {
    const section = params.add(query.section.trim());
    conditions.push(`(lower(${fieldText("l", column.section)}) = lower(${section}) OR ${fieldText("l", column.sectionZh)} = ${section})`);
  }
  if (query.search != null && query.search.trim() !== "") {
    const pattern = params.add(containsPattern(query.search.trim()));
    conditions.push(`(${fieldText("l", column.item)} ILIKE ${pattern} OR ${fieldText("l", column.itemZh)} ILIKE ${pattern})`);
  }
  const sql =
    `SELECT l."ingestionId", l.fields, l.year, l.value FROM ${figures} l` +
    (conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "") +
    ` ORDER BY l.ordinal, l.year`;
  const rows = await queryRows<Pick<LatestRow, "ingestionId" | "fields"> & { year: number; value: unknown }>(context, sql, params);
  return rows.flatMap((row) => parseHealthFact({ datasetId, ingestionId: row.ingestionId }, row.fields, Number(row.year), row.value) ?? []);
}

/** Each section with the years it covers and its number of statistics, in table order. */
export async function healthFactSections(context: GraphContext, datasetId: string): Promise<HealthFactSection[]> {
  const params = new SqlParams();
  const section = fieldText("l", column.section);
  const sql =
    `SELECT ${section} AS "nameEn", max(${fieldText("l", column.sectionZh)}) AS "nameZh",` +
    ` array_agg(DISTINCT l.year ORDER BY l.year) AS years, count(DISTINCT ${fieldText("l", column.item)})::int AS "itemCount"` +
    ` FROM ${latestFigures(params, datasetId)} l GROUP BY 1 ORDER BY min(l.ordinal)`;
  const rows = await queryRows<{ nameEn: string; nameZh: string | null; years: number[]; itemCount: number }>(context, sql, params);
  return rows.map((row) => ({ nameEn: row.nameEn, nameZh: row.nameZh ?? row.nameEn, years: row.years.map(Number), itemCount: row.itemCount }));
}

/** Every year with a figure, in order. */
export async function healthFactYears(context: GraphContext, datasetId: string): Promise<number[]> {
  const params = new SqlParams();
  const sql = `SELECT DISTINCT l.year FROM ${latestFigures(params, datasetId)} l ORDER BY 1`;
  const rows = await queryRows<{ year: number }>(context, sql, params);
  return rows.map((row) => Number(row.year));
}
