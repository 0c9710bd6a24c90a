import type { SyncSchedulerEnvironment } from "@hkhealth/config";
import type { Store } from "@hkhealth/store";
import { processOwner, startScheduler, type CheckOutcome, type Scheduler } from "@hkhealth/sync";
import type { Logger } from "../observability/logger.js";

/** One log line per check: what it came to, for which file, and when it is due again. */
function logCheck(logger: Logger, outcome: CheckOutcome): void {
  const { datasetId, resource, url } = outcome.target;
  const fields = { datasetId, resource, url, status: outcome.status, records: outcome.records, nextCheckAt: outcome.nextCheckAt?.toISOString() ?? null };
  if (outcome.status === "failed") logger.warn({ ...fields, failures: outcome.failures, error: outcome.error }, `sync: ${datasetId} ${resource} failed`);
  else logger.info(fields, `sync: ${datasetId} ${resource} ${outcome.status}`);
}

/**
 * The scheduler that keeps the store current (SYNC_* and SOURCES_MIRROR), logging through the
 * process's logger. Only the entry points start one (main.ts, start-sync.ts): never a gateway a
 * test builds with startGateway.
 */
export function startSync(store: Store, environment: SyncSchedulerEnvironment, logger: Logger): Scheduler {
  const owner = processOwner();
  logger.info({ owner, mirror: environment.SOURCES_MIRROR ?? null, concurrency: environment.SYNC_CONCURRENCY, tickMs: environment.SYNC_TICK_MS }, "sync: scheduler started");
  return startScheduler(store, {
    owner,
    mirror: environment.SOURCES_MIRROR,
    fetchTimeoutMs: environment.SYNC_TIMEOUT_MS,
    concurrency: environment.SYNC_CONCURRENCY,
    tickMs: environment.SYNC_TICK_MS,
    onCheck: (outcome) => logCheck(logger, outcome),
    onError: (error) => logger.error({ err: error }, "sync: could not look for distributions due; trying again at the next tick"),
  });
}
