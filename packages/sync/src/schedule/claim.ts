import type { PrismaClient } from "@hkhealth/store";
import { jittered } from "./periods.js";
import type { SyncTarget } from "./targets.js";

export interface ClaimOptions {
  /** Who claims: one id per process (host, pid and a random part). */
  readonly owner: string;
  readonly now: Date;
  /** How long the claim holds: a process that crashes mid-check gives the file up then. */
  readonly leaseMs: number;
  readonly random: () => number;
  /** Claim it even if it is not due yet (`pnpm sync`); a live claim still stops it. */
  readonly evenIfNotDue?: boolean;
}

/**
 * Claims one distribution with ONE conditional UPDATE: it moves nextCheckAt a (jittered) period
 * forward and records the claim, only where the row is due and no live claim holds it. PostgreSQL
 * re-checks the WHERE of a row another transaction has just updated, so of several processes
 * racing for a row exactly one gets it. This row claim is the lock: no queue, no advisory lock.
 * False: another process has it (or it is not due): skip it.
 */
export async function claimTarget(prisma: PrismaClient, target: SyncTarget, options: ClaimOptions): Promise<boolean> {
  const { now } = options;
  const { count } = await prisma.distributionSync.updateMany({
    where: {
      datasetId: target.datasetId,
      url: target.url,
      ...(!options.evenIfNotDue && { nextCheckAt: { lte: now } }),
      OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
    },
    data: {
      nextCheckAt: new Date(now.getTime() + jittered(target.periodMs, options.random)),
      claimedBy: options.owner,
      claimedUntil: new Date(now.getTime() + options.leaseMs),
    },
  });
  return count === 1;
}

/** The rows due now that no live claim holds, soonest due first. */
export async function dueRows(prisma: PrismaClient, now: Date): Promise<Array<{ datasetId: string; url: string }>> {
  return prisma.distributionSync.findMany({
    where: { nextCheckAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    select: { datasetId: true, url: true },
    orderBy: { nextCheckAt: "asc" },
  });
}
