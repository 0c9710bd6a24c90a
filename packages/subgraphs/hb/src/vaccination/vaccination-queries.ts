import { isoDate } from "@hkhealth/plan";
import { latestPerKey, MAX_GROUPS, rowsToFetch, splitPage, type PrismaClient } from "@hkhealth/store";
import { userInputError } from "@hkhealth/subgraph-kit";
import { jsonKey, SqlParams } from "../shared/sql.js";
import { doseColumnsFor, vaccinationLayout } from "./dose-columns.js";
import { sexFromFile, sexInFile, VaccinationDimension, type Vaccine } from "./enums.js";
import type { VaccinationDoses } from "./vaccination-doses.js";
import type { VaccinationFilter } from "./vaccination-filter.js";
import type { VaccinationTotal } from "./vaccination-total.js";
import { VACCINATION_DATASET } from "./vaccination-view.js";

const date = `r.fields->>${jsonKey(vaccinationLayout.date)}`;
const ageGroup = `r.fields->>${jsonKey(vaccinationLayout.ageGroup)}`;
const sex = `r.fields->>${jsonKey(vaccinationLayout.sex)}`;

/**
 * `WITH cells AS (...)`: the dataset's rows unpivoted in PostgreSQL into one cell per vaccine and
 * dose number (a LATERAL unnest over the dose columns), with the filter applied.
 *
 * Files of this dataset each carry the whole history so far, and the dataset accumulates them,
 * so a day, age group and sex can be in several files: the latest row counts (latestPerKey, by
 * the record's own time), so republished days are neither counted twice nor kept stale.
 */
function cellsOf(filter: VaccinationFilter | null | undefined, params: SqlParams): string {
  const conditions: string[] = [];
  const sameAs: Record<string, string> = {};
  if (filter?.ageGroup != null) sameAs[vaccinationLayout.ageGroup] = filter.ageGroup;
  if (filter?.sex != null) sameAs[vaccinationLayout.sex] = sexInFile(filter.sex);
  // Containment, so the GIN index on fields answers it.
  if (Object.keys(sameAs).length > 0) conditions.push(`r.fields @> ${params.add(JSON.stringify(sameAs), "jsonb")}`);
  // Dates are stored "YYYY-MM-DD", which order as text.
  if (filter?.from != null) conditions.push(`${date} >= ${params.add(isoDate(filter.from), "text")}`);
  if (filter?.to != null) conditions.push(`${date} <= ${params.add(isoDate(filter.to), "text")}`);
  const columns = doseColumnsFor(filter);
  const dose =
    `unnest(${params.add(columns.map((column) => column.vaccine), "text[]")}, ${params.add(columns.map((column) => column.doseNumber), "int[]")},` +
    ` ${params.add(columns.map((column) => column.column), "text[]")}, ${params.add(columns.map((column) => column.position), "int[]")})` +
    ` AS d(vaccine, "doseNumber", header, position)`;
  return (
    `WITH latest AS ${latestPerKey(params, { datasetId: VACCINATION_DATASET, keys: [date, ageGroup, sex], tieBreak: "record", keyConditions: conditions })},` +
    // MATERIALIZED: what is sorted and grouped next is these narrow cells, not the rows' whole JSON.
    ` cells AS MATERIALIZED (SELECT r."ingestionId", ${date} AS date, ${ageGroup} AS "ageGroup", ${sex} AS sex, d.vaccine, d."doseNumber", d.position,` +
    ` (r.fields->>d.header)::int AS doses FROM latest r CROSS JOIN LATERAL ${dose} WHERE r.fields->>d.header IS NOT NULL)`
  );
}

interface CellRow {
  readonly ingestionId: number;
  readonly date: string;
  readonly ageGroup: string;
  readonly sex: string;
  readonly vaccine: Vaccine;
  readonly doseNumber: number;
  readonly position: number;
  readonly doses: number;
}

/** Where a cell is in the order of pages: the keyset a cursor carries. */
export type DosesPosition = readonly [date: string, ageGroup: string, sex: string, position: number];

export interface DosesPage {
  readonly doses: ReadonlyArray<{ readonly position: DosesPosition; readonly node: VaccinationDoses }>;
  readonly hasNextPage: boolean;
}

/** One page of cells by date, age group, sex, then the file's column order; one statement. */
export async function findVaccinationDoses(
  prisma: PrismaClient,
  query: { readonly filter?: VaccinationFilter | null; readonly first: number; readonly after?: DosesPosition | undefined },
): Promise<DosesPage> {
  const params = new SqlParams();
  const cells = cellsOf(query.filter, params);
  const after = query.after
    ? ` WHERE (date, "ageGroup", sex, position) > (${params.add(query.after[0], "text")}, ${params.add(query.after[1], "text")},` +
      ` ${params.add(query.after[2], "text")}, ${params.add(query.after[3], "int")})`
    : "";
  const sql = `${cells} SELECT * FROM cells${after} ORDER BY date, "ageGroup", sex, position LIMIT ${params.add(rowsToFetch(query.first), "int")}`;
  const page = splitPage(await prisma.$queryRawUnsafe<CellRow[]>(sql, ...params.values), query.first);
  return {
    doses: page.rows.map((row) => ({
      position: [row.date, row.ageGroup, row.sex, row.position] as const,
      node: {
        datasetId: VACCINATION_DATASET,
        ingestionId: row.ingestionId,
        date: row.date,
        ageGroup: row.ageGroup,
        sex: sexFromFile(row.sex),
        vaccine: row.vaccine,
        doseNumber: row.doseNumber,
        doses: row.doses,
      },
    })),
    hasNextPage: page.hasNextPage,
  };
}

/** How many cells the filter keeps, across all pages. */
export async function countVaccinationDoses(prisma: PrismaClient, filter: VaccinationFilter | null | undefined): Promise<number> {
  const params = new SqlParams();
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(`${cellsOf(filter, params)} SELECT count(*)::int AS count FROM cells`, ...params.values);
  return row?.count ?? 0;
}

/** Each dimension's column in `cells`, and its SQL type for the NULL of an ungrouped one; in the order totals sort by. */
const dimensionColumns: ReadonlyArray<readonly [VaccinationDimension, string, string]> = [
  [VaccinationDimension.DATE, "date", "text"],
  [VaccinationDimension.AGE_GROUP, `"ageGroup"`, "text"],
  [VaccinationDimension.SEX, "sex", "text"],
  [VaccinationDimension.VACCINE, "vaccine", "text"],
  [VaccinationDimension.DOSE_NUMBER, `"doseNumber"`, "int"],
];

interface TotalRow {
  readonly date: string | null;
  readonly ageGroup: string | null;
  readonly sex: string | null;
  readonly vaccine: Vaccine | null;
  readonly doseNumber: number | null;
  readonly doses: number;
}

/** Doses summed in PostgreSQL per group of the chosen dimensions (none: one total). */
export async function vaccinationTotals(
  prisma: PrismaClient,
  query: { readonly groupBy: readonly VaccinationDimension[]; readonly filter?: VaccinationFilter | null },
): Promise<VaccinationTotal[]> {
  const params = new SqlParams();
  const grouped = dimensionColumns.filter(([dimension]) => query.groupBy.includes(dimension)).map(([, column]) => column);
  const select = dimensionColumns.map(([dimension, column, type]) => (query.groupBy.includes(dimension) ? column : `NULL::${type} AS ${column}`));
  const groups = grouped.length ? ` GROUP BY ${grouped.join(", ")} ORDER BY ${grouped.join(", ")}` : "";
  const sql =
    `${cellsOf(query.filter, params)} SELECT ${select.join(", ")}, coalesce(sum(doses), 0)::float8 AS doses FROM cells${groups}` +
    ` LIMIT ${params.add(MAX_GROUPS + 1, "int")}`;
  const rows = await prisma.$queryRawUnsafe<TotalRow[]>(sql, ...params.values);
  if (rows.length > MAX_GROUPS) {
    throw userInputError(`Grouping by ${query.groupBy.join(", ")} gives more than ${MAX_GROUPS} groups; filter first or group by fewer dimensions`, {
      argument: "groupBy",
    });
  }
  return rows.map((row) => ({ ...row, sex: row.sex === null ? null : sexFromFile(row.sex) }));
}
