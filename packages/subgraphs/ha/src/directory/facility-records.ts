import { inSnapshot, latestObservation, type PrismaClient } from "@hkhealth/store";
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

// The latest snapshot of each directory file (as the store's SNAPSHOT mode reads it), filtered
// in PostgreSQL. Records without a name or coordinates cannot be facilities, so are left out.
const latestFacilitiesSql = `
SELECT r.id::text AS "recordId", r."ingestionId", r."observedAt", r.resource, r.fields
FROM (SELECT DISTINCT resource FROM "Ingestion" WHERE "datasetId" = $1 AND ($2::jsonb IS NULL OR resource IN (SELECT jsonb_array_elements_text($2::jsonb)))) resources
CROSS JOIN LATERAL ${latestObservation([`l."datasetId" = $1`, `l.resource = resources.resource`])} latest
JOIN "Record" r ON r."datasetId" = $1 AND r.resource = resources.resource AND ${inSnapshot("latest")}
WHERE r.fields->>'institution_eng' IS NOT NULL
  AND jsonb_typeof(r.fields->'latitude') = 'number' AND jsonb_typeof(r.fields->'longitude') = 'number'
  AND ($3::text IS NULL OR r.fields->>'cluster_eng' = $3::text OR r.fields->>'cluster_tc' = $4::text)
  AND ($5::boolean IS NULL OR (lower(r.fields->>'with_AE_service_eng') = 'yes') = $5::boolean)
  AND ($6::text IS NULL OR strpos(lower(concat_ws(' ', r.fields->>'institution_eng', r.fields->>'institution_tc', r.fields->>'institution_sc')), lower($6::text)) > 0)
ORDER BY r.resource, r.ordinal, r.id`;

/** The latest directory's records matching the query, in file order. One statement. */
export async function findFacilityRecords(prisma: PrismaClient, query: FacilityQuery = {}): Promise<RecordRow[]> {
  const rows = await prisma.$queryRawUnsafe<RecordRow[]>(
    latestFacilitiesSql,
    FACILITY_DIRECTORY_DATASET,
    query.resources ? JSON.stringify(query.resources) : null,
    query.cluster?.en ?? null,
    query.cluster?.zhHant ?? null,
    query.withAeService ?? null,
    query.nameContains?.trim() || null,
  );
  return recordRows(rows);
}
