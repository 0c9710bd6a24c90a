import type { SqlParams } from "./sql.js";

/**
 * Which row wins when several files hold the same key, after the latest observation:
 * - "file": the row of the file (ingestion) observed last, then the last one stored, then the
 *   file's last row of that key. For datasets whose files republish whole histories, where a
 *   file's observation time is what says which is newer (DH's case list, Health Facts).
 * - "record": the row observed last by its own time, then the last stored (highest record id),
 *   whichever file it came from. For datasets that accumulate files (HB's vaccination table).
 * The two differ when records carry their own time or two files share an instant, so each
 * reader keeps the one it has always answered with.
 */
export type LatestTieBreak = "file" | "record";

export interface LatestPerKeyQuery {
  readonly datasetId: string;
  /** SQL expressions over `r` (the record) that identify a row: a case number, a day. */
  readonly keys: readonly string[];
  readonly tieBreak: LatestTieBreak;
  /** Leave out rows whose key has a NULL part (a row without a case number is no case). */
  readonly withoutNullKeys?: boolean;
  /** More columns to select, "expression AS name"; `r.id`, `r."ingestionId"`, `r.ordinal` and `r.fields` always are. */
  readonly columns?: readonly string[];
  /** Joined after the record, e.g. a LATERAL unpivot of its fields. */
  readonly join?: string;
  /** Conditions on the keys only: others must apply to the rows kept, or an older row would show through. */
  readonly keyConditions?: readonly string[];
}

const tieBreakOrder: Record<LatestTieBreak, string> = {
  file: `i."observedAt" DESC, i.id DESC, r.id DESC`,
  record: `r."observedAt" DESC, r.id DESC`,
};

/** A parenthesised subquery of a dataset's records with one row per key: the latest, by `tieBreak`. */
export function latestPerKey(params: SqlParams, query: LatestPerKeyQuery): string {
  const keys = query.keys.join(", ");
  const columns = ["r.id", 'r."ingestionId"', "r.ordinal", "r.fields", ...(query.columns ?? [])].join(", ");
  const conditions = [
    `r."datasetId" = ${params.add(query.datasetId)}`,
    ...(query.withoutNullKeys ? query.keys.map((key) => `${key} IS NOT NULL`) : []),
    ...(query.keyConditions ?? []),
  ];
  const ingestion = query.tieBreak === "file" ? ` JOIN "Ingestion" i ON i.id = r."ingestionId"` : "";
  return (
    `(SELECT DISTINCT ON (${keys}) ${columns}` +
    ` FROM "Record" r${ingestion}${query.join ? ` ${query.join}` : ""}` +
    ` WHERE ${conditions.join(" AND ")}` +
    ` ORDER BY ${keys}, ${tieBreakOrder[query.tieBreak]})`
  );
}

/** The columns every reader gets from `latestPerKey`. */
export interface LatestRow {
  readonly id: string;
  readonly ingestionId: number;
  readonly ordinal: number;
  readonly fields: Record<string, unknown>;
}
