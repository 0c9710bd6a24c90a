import { latestSnapshotRecords, SqlParams, type PrismaClient } from "@hkhealth/store";
import { FACILITY_DIRECTORY_DATASET } from "../datasets.js";
import { recordRows, type RecordRow } from "../record-row.js";

/** Which directory records to read; every condition is optional. */
export interface FacilityQuery {
  /** These directory files (facility-hosp...), or all. */
  readonly resources?: readonly string[] | null;
  /** The cluster's names as the directory writes them (English or Traditional Chinese). */
  readonly cluster?: { readonly en: string; readonly zhHant: string } | null;
  readonly withAeService?: boolean | null;
  /** Text to find in the name, in any of its languages (case-insensitive). */
  readonly nameContains?: string | null;
}

/**
 * The latest snapshot of each directory file (as the store's SNAPSHOT mode reads it), filtered
 * in PostgreSQL. Records without a name or coordinates cannot be facilities, so are left out.
 */
function latestFacilitiesSql(query: FacilityQuery, params: SqlParams): string {
  const records = latestSnapshotRecords({ datasetIds: FACILITY_DIRECTORY_DATASET, resources: query.resources ?? null }, params);
  const conditions = [
    `r.fields->>'institution_eng' IS NOT NULL`,
    `jsonb_typeof(r.fields->'latitude') = 'number' AND jsonb_typeof(r.fields->'longitude') = 'number'`,
  ];
  if (query.cluster) {
    conditions.push(`(r.fields->>'cluster_eng' = ${params.add(query.cluster.en, "text")} OR r.fields->>'cluster_tc' = ${params.add(query.cluster.zhHant, "text")})`);
  }
  if (query.withAeService != null) conditions.push(`(lower(r.fields->>'with_AE_service_eng') = 'yes') = ${params.add(query.withAeService, "boolean")}`);
  const name = query.nameContains?.trim();
  if (name) {
    const names = `concat_ws(' ', r.fields->>'institution_eng', r.fields->>'institution_tc', r.fields->>'institution_sc')`;
    conditions.push(`strpos(lower(${names}), lower(${params.add(name, "text")})) > 0`);
  }
  return (
    `SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields FROM ${records}` +
    ` WHERE ${conditions.join(" AND ")} ORDER BY r.resource, r.ordinal, r.id`
  );
}

/** The latest directory's records matching the query, in file order. One statement. */
export async function findFacilityRecords(prisma: PrismaClient, query: FacilityQuery = {}): Promise<RecordRow[]> {
  const params = new SqlParams();
  const sql = latestFacilitiesSql(query, params);
  return recordRows(await prisma.$queryRawUnsafe<RecordRow[]>(sql, ...params.values));
}
