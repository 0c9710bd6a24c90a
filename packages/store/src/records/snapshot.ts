/**
 * How every reader picks the snapshot in force: of the records of one series (a dataset, or a
 * resource of it) observed at or before the time asked, those of the latest observation time;
 * when several files were observed at that same instant, those of the last one stored (highest
 * ingestion id). So an older file ingested after a newer one, or committed after it by a
 * concurrent ingest, never replaces it, and two files of one instant never mix.
 *
 * A LATERAL subquery yielding one row ("observedAt", "ingestionId"); `conditions` are on its
 * records, aliased `l`. Found by a backward scan of ("datasetId", resource, "observedAt").
 */
export function latestObservation(conditions: readonly string[]): string {
  return (
    `(SELECT l."observedAt", l."ingestionId" FROM "Record" l WHERE ${conditions.join(" AND ")}` +
    ` ORDER BY l."observedAt" DESC, l."ingestionId" DESC LIMIT 1)`
  );
}

/** The join condition of a record `record` to the observation `snapshot` that latestObservation found. */
export function inSnapshot(snapshot: string, record = "r"): string {
  return `${record}."observedAt" = ${snapshot}."observedAt" AND ${record}."ingestionId" = ${snapshot}."ingestionId"`;
}
