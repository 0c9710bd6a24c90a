import type { SqlParams } from "./sql.js";

export interface LatestRowsQuery {
  readonly datasetId: string;
  /** SQL expressions over `r` (the record) that identify a row: a case number, a day. */
  readonly keys: readonly string[];
  /** More columns to select, "expression AS name"; `r."ingestionId"`, `r.ordinal` and `r.fields` always are. */
  readonly columns?: readonly string[];
  /** Joined after the record, e.g. a LATERAL unpivot of its fields. */
  readonly join?: string;
  /** Conditions on the keys only: others must apply to the rows kept, or an older row would show through. */
  readonly keyConditions?: readonly string[];
}

/**
 * A subquery of a dataset's records with one row per key. Agencies republish whole histories
 * (CHP's case list each day, each Health Facts edition the years before it), so files overlap;
 * the row from the file observed last wins, whatever it says.
 */
export function latestRows(params: SqlParams, query: LatestRowsQuery): string {
  const keys = query.keys.join(", ");
  const columns = ['r."ingestionId"', "r.ordinal", "r.fields", ...(query.columns ?? [])].join(", ");
  const conditions = [`r."datasetId" = ${params.add(query.datasetId)}`, ...query.keys.map((key) => `${key} IS NOT NULL`), ...(query.keyConditions ?? [])];
  return (
    `(SELECT DISTINCT ON (${keys}) ${columns}` +
    ` FROM "Record" r JOIN "Ingestion" i ON i.id = r."ingestionId"${query.join ? ` ${query.join}` : ""}` +
    ` WHERE ${conditions.join(" AND ")}` +
    ` ORDER BY ${keys}, i."observedAt" DESC, i.id DESC, r.id DESC)`
  );
}

/** The columns every typed reader gets from `latestRows`. */
export interface LatestRow {
  readonly ingestionId: number;
  readonly ordinal: number;
  readonly fields: Record<string, unknown>;
}
