import { ReleaseStatus } from "./model/enums.js";

/** The facts a release's status depends on. */
export interface ReleaseTiming {
  /** "YYYY-MM": the target month, or the actual one for releases already published. */
  readonly month: string;
  /** "YYYY-MM" of the recorded publication, or null while none is recorded. */
  readonly releasedMonth: string | null;
}

/** "YYYY-MM-DD" -> "YYYY-MM". */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

/** Today's date in Hong Kong ("YYYY-MM-DD"), where the plan's months are counted. */
export function todayInHongKong(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * RELEASED once a publication is recorded at or before `asOf`'s month (every section D row is
 * recorded at its own month); otherwise PLANNED before the target month begins and DUE from
 * that month on. The store's SQL filter (`releaseStatusWhere`) applies the same rule.
 */
export function releaseStatus(release: ReleaseTiming, asOf: string): ReleaseStatus {
  const asOfMonth = monthOfDate(asOf);
  if (release.releasedMonth !== null && release.releasedMonth <= asOfMonth) return ReleaseStatus.RELEASED;
  return asOfMonth < release.month ? ReleaseStatus.PLANNED : ReleaseStatus.DUE;
}
