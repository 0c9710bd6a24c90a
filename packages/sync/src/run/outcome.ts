import type { PrismaClient } from "@hkhealth/store";
import { backoffMs } from "../schedule/periods.js";
import type { SyncTarget } from "../schedule/targets.js";

/** What one check of a distribution came to. */
export type CheckStatus = "changed" | "unchanged" | "failed" | "skipped" | "interrupted";

export interface CheckOutcome {
  readonly target: SyncTarget;
  /**
   * changed: new bytes ingested; unchanged: 304 or the same bytes again; failed: see `error`;
   * skipped: another process holds it (or it was not due); interrupted: stopped before it committed.
   */
  readonly status: CheckStatus;
  /** Records written (0 unless changed). */
  readonly records: number;
  /** The one-line reason of a failure. */
  readonly error?: string;
  /** Failures in a row, this one included (0 after a success). */
  readonly failures: number;
  /** When the next check is due, as recorded. */
  readonly nextCheckAt?: Date;
}

const where = (target: SyncTarget) => ({ datasetId_url: { datasetId: target.datasetId, url: target.url } });
const released = { claimedBy: null, claimedUntil: null };

/** A check that got an answer: the claim ends, failures start again from 0; nextCheckAt stays as the claim set it. */
export async function recordAnswer(prisma: PrismaClient, target: SyncTarget, at: Date, changed: boolean): Promise<Date> {
  const row = await prisma.distributionSync.update({
    where: where(target),
    data: { lastCheckedAt: at, ...(changed && { lastChangedAt: at }), failures: 0, ...released },
    select: { nextCheckAt: true },
  });
  return row.nextCheckAt;
}

/** A failed check: one more failure in a row, its reason, and the next try after a backoff that grows with them. */
export async function recordFailure(
  prisma: PrismaClient,
  target: SyncTarget,
  at: Date,
  error: string,
  firstBackoffMs?: number,
): Promise<{ failures: number; nextCheckAt: Date }> {
  const { failures } = await prisma.distributionSync.findUniqueOrThrow({ where: where(target), select: { failures: true } });
  const nextCheckAt = new Date(at.getTime() + backoffMs(failures + 1, target.periodMs, firstBackoffMs));
  const row = await prisma.distributionSync.update({
    where: where(target),
    data: { failures: { increment: 1 }, lastErrorAt: at, lastError: error, nextCheckAt, ...released },
    select: { failures: true },
  });
  return { failures: row.failures, nextCheckAt };
}

/** A check stopped before it committed (shutdown, Ctrl-C): nothing was learnt, so it is due again at once. */
export async function recordInterruption(prisma: PrismaClient, target: SyncTarget, at: Date): Promise<void> {
  await prisma.distributionSync.update({ where: where(target), data: { nextCheckAt: at, ...released } });
}
