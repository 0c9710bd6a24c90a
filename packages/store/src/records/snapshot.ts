import type { SqlParams } from "./sql.js";

/**
 * How every reader picks the snapshot in force: of the records of one series (a dataset's
 * resource) observed at or before the time asked, those of the latest observation time; when
 * several files were observed at that same instant, those of the last one stored (highest
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

/** Which series' snapshots to read: the resources of one dataset or of several, in force at `asOf`. */
export interface SnapshotSelection {
  /** One dataset, or several (their series are read side by side). */
  readonly datasetIds: string | readonly string[];
  /** Only this resource, or these (a file name such as "facility-hosp"); all when absent. */
  readonly resources?: string | readonly string[] | null;
  /** The snapshots in force at this instant; the latest when absent. */
  readonly asOf?: Date | null;
}

/** FROM items naming each selected series with its snapshot in force, and how a record joins them. */
export interface SnapshotSeries {
  /**
   * `series` ("datasetId" when several datasets, resource) CROSS JOIN LATERAL `snapshot`
   * ("observedAt", "ingestionId"): the latest observation of each series (latestObservation).
   */
  readonly from: string;
  /** The dataset of a series' records: the one dataset's placeholder, or `series."datasetId"`. */
  readonly dataset: string;
}

/** The one place the snapshot in force of each series is chosen, for every reader of records. */
export function latestObservations(selection: SnapshotSelection, params: SqlParams): SnapshotSeries {
  const single = typeof selection.datasetIds === "string";
  const dataset = single ? params.add(selection.datasetIds) : `series."datasetId"`;
  const seriesConditions = [single ? `"datasetId" = ${dataset}` : `"datasetId" = ANY(${params.add(selection.datasetIds, "text[]")})`];
  const { resources } = selection;
  if (typeof resources === "string") seriesConditions.push(`resource = ${params.add(resources)}`);
  // Several resources travel as one JSON array parameter, which every driver adapter passes unchanged.
  else if (resources != null) seriesConditions.push(`resource IN (SELECT jsonb_array_elements_text(${params.add(JSON.stringify(resources), "jsonb")}))`);
  const conditions = [`l."datasetId" = ${dataset}`, `l.resource = series.resource`];
  if (selection.asOf != null) conditions.push(`l."observedAt" <= ${params.add(selection.asOf, "timestamptz")}`);
  const columns = single ? "resource" : `"datasetId", resource`;
  return {
    from: `(SELECT DISTINCT ${columns} FROM "Ingestion" WHERE ${seriesConditions.join(" AND ")}) series CROSS JOIN LATERAL ${latestObservation(conditions)} snapshot`,
    dataset,
  };
}

/** FROM clause of the records of each selected series' snapshot in force, aliased `r`. */
export function latestSnapshotRecords(selection: SnapshotSelection, params: SqlParams): string {
  const series = latestObservations(selection, params);
  return `${series.from} JOIN "Record" r ON r."datasetId" = ${series.dataset} AND r.resource = series.resource AND ${inSnapshot("snapshot")}`;
}
