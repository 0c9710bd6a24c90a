import type { Store } from "@hkhealth/store";
import { prepareTargets, type SyncTarget } from "../schedule/targets.js";
import { checkTarget, type CheckSettings } from "./check.js";
import type { CheckOutcome } from "./outcome.js";
import { forEachAtMost, pause } from "./pool.js";

export interface SyncOnceOptions extends CheckSettings {
  /** Only these datasets' distributions; every known dataset's when absent. */
  readonly datasetIds?: readonly string[] | undefined;
  /** SYNC_CONCURRENCY: distributions checked at once. */
  readonly concurrency: number;
  /** Tries after a failure within the run (default 2), waiting `retryDelayMs` (default 2 s), doubling. */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** Told the targets before any is checked. */
  readonly onStart?: (targets: readonly SyncTarget[]) => void;
  /** Told each distribution's final outcome, as it comes. */
  readonly onOutcome?: (outcome: CheckOutcome) => void;
  /** Aborting it (Ctrl-C) rolls back the checks running and starts no other. */
  readonly signal?: AbortSignal;
}

/**
 * Checks every distribution once (`pnpm sync`), due or not, a few at a time, retrying a failure
 * with backoff a couple of times. Each is still claimed first, so a scheduler elsewhere does not
 * fetch it at the same moment; one another process is checking is "skipped".
 */
export async function syncOnce(store: Store, options: SyncOnceOptions): Promise<CheckOutcome[]> {
  const now = options.now ?? (() => new Date());
  const wanted = options.datasetIds === undefined ? undefined : new Set(options.datasetIds);
  const targets = (await prepareTargets(store, now())).filter((target) => !wanted || wanted.has(target.datasetId));
  options.onStart?.(targets);
  const outcomes: CheckOutcome[] = [];
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  await forEachAtMost(targets, options.concurrency, async (target) => {
    if (options.signal?.aborted) return;
    let outcome = await checkTarget(store, target, options, { evenIfNotDue: true, signal: options.signal });
    for (let retry = 0; outcome.status === "failed" && retry < retries && !options.signal?.aborted; retry++) {
      await pause(retryDelayMs * 2 ** retry, options.signal);
      if (options.signal?.aborted) break;
      outcome = await checkTarget(store, target, options, { evenIfNotDue: true, signal: options.signal });
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  });
  return outcomes;
}
