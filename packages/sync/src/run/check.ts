import { IngestError, ingestFile, type FileFormat } from "@hkhealth/ingest";
import type { Store } from "@hkhealth/store";
import { mirroredUrl } from "../mirrored-url.js";
import { claimTarget } from "../schedule/claim.js";
import type { SyncTarget } from "../schedule/targets.js";
import { recordAnswer, recordFailure, recordInterruption, type CheckOutcome } from "./outcome.js";

/** How checks are made: the same for the scheduler and `pnpm sync`. */
export interface CheckSettings {
  /** This process's id in claims. */
  readonly owner: string;
  /** SOURCES_MIRROR: fetch every official URL from there instead. */
  readonly mirror?: string | undefined;
  /** SYNC_TIMEOUT_MS: longest one fetch may take. */
  readonly fetchTimeoutMs: number;
  /** The clock and the randomness of the jitter (tests give their own). */
  readonly now?: () => Date;
  readonly random?: () => number;
  /** First wait after a failure (default 30 s), doubling with each further one. */
  readonly firstBackoffMs?: number;
}

/**
 * A claim holds as long as a check can take: its fetch, then reading and writing the file.
 * A process that dies mid-check leaves a claim that lapses after this.
 */
export function leaseMs(fetchTimeoutMs: number): number {
  return 2 * fetchTimeoutMs + 10 * 60_000;
}

/** One line, whatever the error: what DistributionSync keeps and the CLI prints. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, " ").trim() || "failed without a message";
}

/**
 * Claims one distribution and, if this process got it, fetches it (from the mirror when one is
 * set; a conditional GET) and ingests it in one transaction, then records the outcome in its
 * DistributionSync row. Never throws for the source's faults or the store's: a failure is an
 * outcome, recorded with its reason and a backoff. DistributionSync keeps the official URL;
 * Ingestion.location (provenance) is where the bytes came from: the mirror's URL when there is one.
 */
export async function checkTarget(store: Store, target: SyncTarget, settings: CheckSettings, options: { evenIfNotDue?: boolean; signal?: AbortSignal } = {}): Promise<CheckOutcome> {
  const { prisma } = store;
  const now = settings.now ?? (() => new Date());
  const base = { target, records: 0 };
  try {
    const claimed = await claimTarget(prisma, target, {
      owner: settings.owner,
      now: now(),
      leaseMs: leaseMs(settings.fetchTimeoutMs),
      random: settings.random ?? Math.random,
      evenIfNotDue: options.evenIfNotDue ?? false,
    });
    if (!claimed) return { ...base, status: "skipped", failures: 0 };
  } catch (error) {
    return { ...base, status: "failed", error: `could not be claimed (${oneLine(error)})`, failures: 0 };
  }
  try {
    const result = await ingestFile(store, {
      datasetId: target.datasetId,
      location: mirroredUrl(target.url, settings.mirror),
      resource: target.resource,
      format: target.format as FileFormat,
      fetchTimeoutMs: settings.fetchTimeoutMs,
      signal: options.signal,
    });
    const changed = result.status === "ingested";
    const nextCheckAt = await recordAnswer(prisma, target, now(), changed);
    return { ...base, status: changed ? "changed" : "unchanged", records: result.records, failures: 0, nextCheckAt };
  } catch (error) {
    return await recordFault(store, target, settings, error, now(), options.signal);
  }
}

async function recordFault(store: Store, target: SyncTarget, settings: CheckSettings, error: unknown, at: Date, signal: AbortSignal | undefined): Promise<CheckOutcome> {
  const base = { target, records: 0 };
  try {
    if (signal?.aborted) {
      await recordInterruption(store.prisma, target, at);
      return { ...base, status: "interrupted", failures: 0 };
    }
    // An IngestError says what was wrong with the file or its source; anything else is ours.
    const reason = error instanceof IngestError ? oneLine(error) : `${target.url}: ${oneLine(error)}`;
    const { failures, nextCheckAt } = await recordFailure(store.prisma, target, at, reason, settings.firstBackoffMs);
    return { ...base, status: "failed", error: reason, failures, nextCheckAt };
  } catch (recording) {
    // The store itself failed: the claim lapses on its own, and the next check tries again.
    return { ...base, status: "failed", error: `${oneLine(error)}; the outcome could not be recorded (${oneLine(recording)})`, failures: 0 };
  }
}
