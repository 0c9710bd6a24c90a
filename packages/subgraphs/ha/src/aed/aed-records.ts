import { inSnapshot, latestObservation, type PrismaClient } from "@hkhealth/store";
import { AED_WAITING_TIME_DATASET } from "../datasets.js";
import { recordRows, type RecordRow } from "../record-row.js";

// The dataset is one snapshot series (the v2 feed, the v1 feed and the 2019 history, whose
// every row is its own observation): the snapshot in force at a time is every record observed
// at the latest instant at or before it (of one file, should two share that instant). Found by a
// backward scan of ("datasetId", "observedAt").
const snapshotSql = `
SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields
FROM ${latestObservation([`l."datasetId" = $1`, `($2::timestamptz IS NULL OR l."observedAt" <= $2::timestamptz)`])} latest
JOIN "Record" r ON r."datasetId" = $1 AND ${inSnapshot("latest")}
ORDER BY r.ordinal, r.id`;

/** The A&E snapshot in force at `asOf` (the latest without it). One statement. */
export async function findAedSnapshot(prisma: PrismaClient, asOf: Date | null): Promise<RecordRow[]> {
  return recordRows(await prisma.$queryRawUnsafe<RecordRow[]>(snapshotSql, AED_WAITING_TIME_DATASET, asOf));
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
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly first: number;
  /** Start after this record (observedAt, then id). */
  readonly after?: { readonly observedAt: Date; readonly recordId: string } | null;
}

// Names travel as one JSON array parameter, which every driver adapter passes unchanged.
const historyWhere = `
WHERE r."datasetId" = $1
  AND r.fields->>'hospName' IN (SELECT jsonb_array_elements_text($2::jsonb))
  AND ($3::timestamptz IS NULL OR r."observedAt" >= $3::timestamptz)
  AND ($4::timestamptz IS NULL OR r."observedAt" <= $4::timestamptz)`;

/** One page of a hospital's waiting times in time order, one more than asked to tell whether more follow. */
export async function findAedHistory(prisma: PrismaClient, query: AedHistoryQuery): Promise<RecordRow[]> {
  const sql =
    `SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields FROM "Record" r ${historyWhere}` +
    ` AND ($5::timestamptz IS NULL OR (r."observedAt", r.id) > ($5::timestamptz, $6::bigint))` +
    ` ORDER BY r."observedAt", r.id LIMIT $7::int`;
  const rows = await prisma.$queryRawUnsafe<RecordRow[]>(
    sql,
    AED_WAITING_TIME_DATASET,
    JSON.stringify(query.hospitalNames),
    query.from ?? null,
    query.to ?? null,
    query.after?.observedAt ?? null,
    query.after?.recordId ?? null,
    query.first + 1,
  );
  return recordRows(rows);
}

/** How many waiting times a hospital has in the window, across all pages. */
export async function countAedHistory(prisma: PrismaClient, query: Omit<AedHistoryQuery, "first" | "after">): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM "Record" r ${historyWhere}`,
    AED_WAITING_TIME_DATASET,
    JSON.stringify(query.hospitalNames),
    query.from ?? null,
    query.to ?? null,
  );
  return row?.count ?? 0;
}
