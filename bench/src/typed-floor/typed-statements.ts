import type { CapturedStatement } from "../floor-sql.js";
import { AED_HISTORY_HOSPITAL, RECORD_PAGE_DISTRICT, RECORD_PAGE_MIN_WAIT } from "../operations.js";
import type { OperationName } from "../operations.js";
import { TYPED_AED, TYPED_WIDE } from "./typed-tables.js";

/**
 * The typed floor's hand-written statements: the rows each operation asks for, from the typed
 * tables, as one would write them for those tables and their indexes.
 */
export function typedStatements(recordPageSize: number): Partial<Record<OperationName, CapturedStatement>> {
  return {
    recordPage: {
      sql:
        `SELECT * FROM "${TYPED_WIDE}" WHERE district = $1 AND "waitMinutes" >= $2` +
        ` ORDER BY "admittedAt" DESC NULLS LAST, "recordNo" LIMIT $3`,
      // The page and one more, as the store fetches to know whether another page follows.
      params: [RECORD_PAGE_DISTRICT, RECORD_PAGE_MIN_WAIT, recordPageSize + 1],
    },
    // Issue 13's long-history question itself: median waits by Hong Kong hour of day.
    aedHistory: {
      sql:
        `SELECT extract(hour FROM "updateTime" AT TIME ZONE 'Asia/Hong_Kong')::int AS hour, count(*)::int AS count,` +
        ` percentile_cont(0.5) WITHIN GROUP (ORDER BY "t3p50") AS "t3p50Median"` +
        ` FROM "${TYPED_AED}" WHERE "hospName" = $1 GROUP BY 1 ORDER BY 1`,
      params: [AED_HISTORY_HOSPITAL],
    },
  };
}
