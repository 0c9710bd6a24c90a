export { backfill, type BackfillEvent, type BackfillRequest, type BackfillSummary, type OutcomeCounts, type VersionOutcome } from "./backfill.js";
export { ArchiveClient, ArchiveError, ARCHIVE_API, MAX_VERSIONS_PER_CALL, type ArchivedVersion } from "./archive-client.js";
export { parseArchiveTimestamp, type Day, type DayRange } from "./archive-time.js";
export { BackfillError, chooseDistributions } from "./distributions.js";
export { RequestRate, systemClock, type Clock } from "./request-rate.js";
export { backfillReporter, backfillSummaryLine } from "./progress.js";
