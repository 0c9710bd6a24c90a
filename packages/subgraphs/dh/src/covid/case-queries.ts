import { chpCovid19Cases } from "@hkhealth/plan";
import { latestPerKey, rowsToFetch, type LatestRow } from "@hkhealth/store";
import type { GraphContext } from "@hkhealth/subgraph-kit";
import { fieldText, queryRows, SqlParams } from "../sql.js";
import { CovidCase, parseCovidCase } from "./case.js";
import type { CovidCaseCount } from "./case-count.js";
import { dimensionExpression, dimensionField, type CovidCaseDimension } from "./case-dimension.js";
import { caseFilterConditions, type CovidCaseFilter } from "./case-filter.js";

const caseColumns = chpCovid19Cases.fields;

const caseNumberText = fieldText("r", caseColumns.caseNumber);
// Guarded so a row without a number is left out rather than failing the cast.
const caseNumber = `(CASE WHEN ${caseNumberText} ~ '^[0-9]{1,9}$' THEN (${caseNumberText})::int END)`;

/** Each case once (its latest file's row), as `l`, with `l."caseNumber"`; `keyConditions` may use `caseNumber`. */
function latestCases(params: SqlParams, datasetId: string, keyConditions: (caseNumber: string) => string[] = () => []): string {
  return latestPerKey(params, { tieBreak: "file", withoutNullKeys: true, datasetId, keys: [caseNumber], columns: [`${caseNumber} AS "caseNumber"`], keyConditions: keyConditions(caseNumber) });
}

function where(conditions: readonly string[]): string {
  return conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
}

export interface CasePageQuery {
  readonly filter?: CovidCaseFilter | null;
  readonly first: number;
  /** Start after this case number. */
  readonly afterCaseNumber?: number;
  /** Only this case. */
  readonly caseNumber?: number;
}

/** One page of cases in case number order, plus whether more follow: one statement. */
export async function findCases(context: GraphContext, datasetId: string, query: CasePageQuery): Promise<{ cases: CovidCase[]; hasNextPage: boolean }> {
  const params = new SqlParams();
  const cases = latestCases(params, datasetId, (number) => [
    ...(query.afterCaseNumber !== undefined ? [`${number} > ${params.add(query.afterCaseNumber, "int")}`] : []),
    ...(query.caseNumber !== undefined ? [`${number} = ${params.add(query.caseNumber, "int")}`] : []),
  ]);
  const conditions = caseFilterConditions("l", query.filter, params);
  const sql = `SELECT l."ingestionId", l.fields FROM ${cases} l${where(conditions)} ORDER BY l."caseNumber" LIMIT ${params.add(rowsToFetch(query.first), "int")}`;
  const rows = await queryRows<Pick<LatestRow, "ingestionId" | "fields">>(context, sql, params);
  const parsed = rows.flatMap((row) => parseCovidCase({ datasetId, ingestionId: row.ingestionId }, row.fields) ?? []);
  return { cases: parsed.slice(0, query.first), hasNextPage: rows.length > query.first };
}

/** How many cases match the filter. */
export async function countCases(context: GraphContext, datasetId: string, filter: CovidCaseFilter | null | undefined): Promise<number> {
  const params = new SqlParams();
  const cases = latestCases(params, datasetId);
  const sql = `SELECT count(*)::int AS count FROM ${cases} l${where(caseFilterConditions("l", filter, params))}`;
  const [row] = await queryRows<{ count: number }>(context, sql, params);
  return row?.count ?? 0;
}

/** Cases counted per combination of the dimensions' values, grouped in PostgreSQL. */
export async function countCasesBy(
  context: GraphContext,
  datasetId: string,
  groupBy: readonly CovidCaseDimension[],
  filter: CovidCaseFilter | null | undefined,
): Promise<CovidCaseCount[]> {
  const dimensions = [...new Set(groupBy)];
  const params = new SqlParams();
  const cases = latestCases(params, datasetId);
  const conditions = caseFilterConditions("l", filter, params);
  const keys = dimensions.map((dimension, index) => `${dimensionExpression(dimension, "l")} AS d${index}`);
  const positions = dimensions.map((_, index) => index + 1).join(", ");
  const sql =
    `SELECT ${[...keys, "count(*)::int AS count"].join(", ")} FROM ${cases} l${where(conditions)}` +
    (dimensions.length ? ` GROUP BY ${positions} ORDER BY ${positions}` : "");
  const rows = await queryRows<Record<string, string | number | null>>(context, sql, params);
  return rows.map((row) => {
    const count: CovidCaseCount = { count: Number(row["count"]) };
    dimensions.forEach((dimension, index) => {
      count[dimensionField[dimension]] = (row[`d${index}`] as string | null) ?? null;
    });
    return count;
  });
}
