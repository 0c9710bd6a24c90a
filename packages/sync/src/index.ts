export { mirroredUrl } from "./mirrored-url.js";
export { startScheduler, type Scheduler, type SchedulerOptions } from "./schedule/scheduler.js";
export { syncOnce, type SyncOnceOptions } from "./run/sync-once.js";
export { checkTarget, type CheckSettings } from "./run/check.js";
export type { CheckOutcome, CheckStatus } from "./run/outcome.js";
export { prepareTargets, type SyncTarget } from "./schedule/targets.js";
export { checkPeriodMs, backoffMs, jittered, JITTER } from "./schedule/periods.js";
export { processOwner } from "./schedule/owner.js";
export { outcomeLine } from "./cli/outcome-line.js";
