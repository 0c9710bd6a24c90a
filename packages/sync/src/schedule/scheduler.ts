import type { Store } from "@hkhealth/store";
import { checkTarget, type CheckSettings } from "../run/check.js";
import type { CheckOutcome } from "../run/outcome.js";
import { pause } from "../run/pool.js";
import { dueRows } from "./claim.js";
import { prepareTargets, targetKey, type SyncTarget } from "./targets.js";

export interface SchedulerOptions extends CheckSettings {
  /** SYNC_CONCURRENCY: checks running at once in this process. */
  readonly concurrency: number;
  /** SYNC_TICK_MS: how often it looks for distributions due. */
  readonly tickMs: number;
  /** Told each check this process made (claimed), when it ends. */
  readonly onCheck?: (outcome: CheckOutcome) => void;
  /** Told of a fault no check's outcome holds (the database unreachable while looking for rows due, say); the next tick tries again. */
  readonly onError?: (error: unknown) => void;
}

export interface Scheduler {
  /** Checks running now. */
  readonly running: number;
  /**
   * Stops: no new check starts; those running may finish within `graceMs`, then are aborted
   * (their transactions roll back and they are due again). Resolves with how many were aborted.
   */
  stop(graceMs: number): Promise<{ aborted: number }>;
}

/**
 * Keeps every distribution current on its own period: each tick finds the rows due, and claims
 * and checks up to SYNC_CONCURRENCY of them at once. Processes sharing a database share the
 * work through the claims: each file is fetched once per period, by whichever claims it first.
 * Never throws: failures are outcomes, recorded in DistributionSync.
 */
export function startScheduler(store: Store, options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let targets: Map<string, SyncTarget> | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();
  let inTick = false;
  // The last look found more due than it could start: a check ending looks again at once.
  let backlog = false;

  const start = (target: SyncTarget) => {
    const check = checkTarget(store, target, options, { signal: abort.signal })
      .then((outcome) => {
        if (outcome.status !== "skipped") options.onCheck?.(outcome);
      })
      .catch((error: unknown) => options.onError?.(error));
    const tracked = check.finally(() => {
      running.delete(tracked);
      if (backlog && !inTick && !stopping) wake();
    });
    running.add(tracked);
  };

  const tick = async () => {
    try {
      targets ??= new Map((await prepareTargets(store, now())).map((target) => [targetKey(target), target]));
      const free = options.concurrency - running.size;
      backlog = free <= 0;
      if (free <= 0) return;
      const due = (await dueRows(store.prisma, now())).flatMap((row) => targets?.get(targetKey(row)) ?? []);
      backlog = due.length > free;
      for (const target of due.slice(0, free)) if (!stopping) start(target);
    } catch (error) {
      options.onError?.(error);
    }
  };

  /** Looks for distributions due now, then again after SYNC_TICK_MS (or sooner, when a check ends with a backlog). */
  function wake() {
    clearTimeout(timer);
    inTick = true;
    ticking = tick().finally(() => {
      inTick = false;
      if (!stopping) timer = setTimeout(wake, options.tickMs);
    });
  }
  timer = setTimeout(wake, 0);

  return {
    get running() {
      return running.size;
    },
    async stop(graceMs) {
      stopping = true;
      clearTimeout(timer);
      await ticking;
      const all = () => Promise.all([...running]);
      const graceOver = new AbortController();
      const finished = await Promise.race([all().then(() => true), pause(graceMs, graceOver.signal).then(() => false)]);
      graceOver.abort();
      const aborted = finished ? 0 : running.size;
      if (!finished) abort.abort();
      await all();
      return { aborted };
    },
  };
}
