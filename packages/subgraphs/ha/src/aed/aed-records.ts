import { aedCurrentFeed, PublishedLanguage } from "@hkhealth/plan";
import { rowsToFetch, splitPage, SqlParams, type PrismaClient } from "@hkhealth/store";
import { AED_WAITING_TIME_DATASET } from "../datasets.js";
import { findLanguageSnapshot } from "../language-records.js";
import { seriesLanguage } from "../languages.js";
import { recordRows, type RecordRow } from "../record-row.js";

/** Of two feeds' snapshots of the same instant, the current feed's (every triage category) is served. */
const currentFeedSeries = aedCurrentFeed.map((file) => file.resource);

/**
 * The A&E snapshot in force at `asOf` (the latest without it) in one language: of that language's
 * series (the current feed, the legacy one, and for English the dataset's own series holding the
 * files ingested before the languages were apart and the 2019 history), every record observed at
 * the latest instant, of one file. One statement.
 */
export function findAedSnapshot(prisma: PrismaClient, snapshot: { language: PublishedLanguage; asOf: Date | null }): Promise<RecordRow[]> {
  return findLanguageSnapshot(prisma, { datasetId: AED_WAITING_TIME_DATASET, ...snapshot, preferredSeries: currentFeedSeries });
}

/** Every name the feed has used for a hospital, across all its snapshots. */
export async function findAedHospitalNames(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT DISTINCT r.fields->>'hospName' AS name FROM "Record" r WHERE r."datasetId" = $1 AND r.fields->>'hospName' IS NOT NULL ORDER BY 1`,
    AED_WAITING_TIME_DATASET,
  );
  return rows.map((row) => row.name);
}

export interface AedHistoryQuery {
  /** The feed's names for the hospital (it may have spelled it more than one way). */
  readonly hospitalNames: readonly string[];
  readonly language: PublishedLanguage;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly first: number;
  /** Start after this record (observedAt, then id). */
  readonly after?: { readonly observedAt: Date; readonly recordId: string } | null;
}

// Names travel as one JSON array parameter, which every driver adapter passes unchanged.
function historyWhere(query: Omit<AedHistoryQuery, "first" | "after">, params: SqlParams): string {
  const conditions = [
    `r."datasetId" = ${params.add(AED_WAITING_TIME_DATASET)}`,
    `r.fields->>'hospName' IN (SELECT jsonb_array_elements_text(${params.add(JSON.stringify(query.hospitalNames), "jsonb")}))`,
    `${seriesLanguage("r.resource", AED_WAITING_TIME_DATASET, params)} = ${params.add(query.language.toLowerCase())}`,
  ];
  if (query.from) conditions.push(`r."observedAt" >= ${params.add(query.from, "timestamptz")}`);
  if (query.to) conditions.push(`r."observedAt" <= ${params.add(query.to, "timestamptz")}`);
  return `WHERE ${conditions.join(" AND ")}`;
}

/** One page of a hospital's waiting times in one language in time order, and whether more follow. */
export async function findAedHistory(prisma: PrismaClient, query: AedHistoryQuery): Promise<{ rows: RecordRow[]; hasNextPage: boolean }> {
  const params = new SqlParams();
  let sql = `SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields FROM "Record" r ${historyWhere(query, params)}`;
  if (query.after) sql += ` AND (r."observedAt", r.id) > (${params.add(query.after.observedAt, "timestamptz")}, ${params.add(query.after.recordId, "bigint")})`;
  sql += ` ORDER BY r."observedAt", r.id LIMIT ${params.add(rowsToFetch(query.first), "int")}`;
  return splitPage(recordRows(await prisma.$queryRawUnsafe<RecordRow[]>(sql, ...params.values)), query.first);
}

/** How many waiting times a hospital has in the window, across all pages. */
export async function countAedHistory(prisma: PrismaClient, query: Omit<AedHistoryQuery, "first" | "after">): Promise<number> {
  const params = new SqlParams();
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM "Record" r ${historyWhere(query, params)}`, ...params.values);
  return row?.count ?? 0;
}
