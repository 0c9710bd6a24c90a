import { IngestError, IngestInterrupted, ingestFile } from "@hkhealth/ingest";
import type { Distribution } from "@hkhealth/plan";
import type { PrismaClient, Store } from "@hkhealth/store";
import { ArchiveClient, type ArchivedVersion } from "./archive-client.js";
import { dayOfTimestamp, monthOf, type DayRange } from "./archive-time.js";
import { BackfillError, chooseDistributions, type DistributionChoice } from "./distributions.js";
import type { RequestRate } from "./request-rate.js";

export interface BackfillRequest extends DistributionChoice {
  readonly datasetId: string;
  /** The Hong Kong days whose archived versions are wanted, both ends included. */
  readonly range: DayRange;
  /** SOURCES_MIRROR. */
  readonly mirror?: string | undefined;
  /** Bounds every request to the archive (BACKFILL_RATE). */
  readonly rate: RequestRate;
  /** Aborting it (Ctrl-C) stops the run between versions, or rolls back the one being ingested. */
  readonly signal?: AbortSignal | undefined;
  readonly onEvent?: ((event: BackfillEvent) => void) | undefined;
}

export type VersionOutcome = "ingested" | "skipped" | "failed";

export interface OutcomeCounts {
  readonly ingested: number;
  readonly skipped: number;
  readonly failed: number;
}

export type BackfillEvent =
  | { readonly kind: "listed"; readonly total: number }
  | {
      readonly kind: "version";
      readonly distribution: Distribution;
      readonly version: ArchivedVersion;
      readonly location: string;
      readonly outcome: VersionOutcome;
      /** Why it failed. */
      readonly message?: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: "month"; readonly distribution: Distribution; readonly month: string; readonly versions: number; readonly counts: OutcomeCounts };

export interface BackfillSummary extends OutcomeCounts {
  readonly datasetId: string;
  readonly range: DayRange;
  /** Versions the archive listed for the chosen files. */
  readonly total: number;
  /** Stopped (aborted) before every version was done: running again resumes. */
  readonly stopped: boolean;
  readonly failures: ReadonlyArray<{ readonly location: string; readonly message: string }>;
}

const LOCATIONS_PER_QUERY = 1_000;

type Outcome = { readonly outcome: VersionOutcome; readonly message?: string } | "stopped";

/**
 * Ingests every version the DATA.GOV.HK archive keeps of a dataset's files over some days, each
 * observed at its archive time unless the file says its own (A&E's updateTime). A version
 * ingested before is skipped without a request (its get-file URL is a stored ingestion's or
 * source's location), else found a duplicate by its bytes. One transaction per version, so a
 * stopped run leaves nothing half-written and the next run does what is left. A version the
 * ingest refuses is reported and the run goes on.
 */
export async function backfill(store: Store, request: BackfillRequest): Promise<BackfillSummary> {
  const { datasetId, range, signal } = request;
  const distributions = chooseDistributions(datasetId, request);
  await requireStoredDataset(store.prisma, datasetId);
  const client = new ArchiveClient({ mirror: request.mirror, rate: request.rate, signal });
  const counts = { ingested: 0, skipped: 0, failed: 0 };
  const failures: Array<{ location: string; message: string }> = [];
  const summary = (total: number, stopped: boolean): BackfillSummary => ({ datasetId, range, total, stopped, ...counts, failures });

  const listed: Array<{ distribution: Distribution; months: Map<string, ArchivedVersion[]> }> = [];
  try {
    for (const distribution of distributions) listed.push({ distribution, months: byMonth(await client.versions(distribution.url, range)) });
  } catch (error) {
    if (signal?.aborted) return summary(0, true);
    throw error;
  }
  const total = listed.reduce((sum, { months }) => sum + [...months.values()].reduce((inFile, versions) => inFile + versions.length, 0), 0);
  request.onEvent?.({ kind: "listed", total });

  let done = 0;
  for (const { distribution, months } of listed) {
    for (const [month, versions] of months) {
      const inMonth = { ingested: 0, skipped: 0, failed: 0 };
      const locations = versions.map((version) => client.fileVersionUrl(distribution.url, version.timestamp));
      const known = await storedLocations(store.prisma, datasetId, locations);
      for (const [index, version] of versions.entries()) {
        const location = locations[index]!;
        if (signal?.aborted) return summary(total, true);
        const result: Outcome = known.has(location) ? { outcome: "skipped" } : await ingestVersion(store, request, distribution, version, location);
        if (result === "stopped") return summary(total, true);
        counts[result.outcome]++;
        inMonth[result.outcome]++;
        if (result.message !== undefined) failures.push({ location, message: result.message });
        done++;
        request.onEvent?.({ kind: "version", distribution, version, location, ...result, done, total });
      }
      request.onEvent?.({ kind: "month", distribution, month, versions: versions.length, counts: inMonth });
    }
  }
  return summary(total, false);
}

async function ingestVersion(store: Store, request: BackfillRequest, distribution: Distribution, version: ArchivedVersion, location: string): Promise<Outcome> {
  await request.rate.take(request.signal);
  if (request.signal?.aborted) return "stopped";
  try {
    const result = await ingestFile(store, {
      datasetId: request.datasetId,
      location,
      resource: distribution.resource,
      format: distribution.format,
      observedAt: version.time,
      signal: request.signal,
    });
    if (result.status === "ingested") return { outcome: "ingested" };
    // The same bytes as an earlier version: remembered, so that a later run need not download it again.
    await rememberLocation(store.prisma, request.datasetId, location);
    return { outcome: "skipped" };
  } catch (error) {
    if (error instanceof IngestInterrupted) return "stopped";
    if (error instanceof IngestError) return { outcome: "failed", message: error.message };
    throw error;
  }
}

function byMonth(versions: readonly ArchivedVersion[]): Map<string, ArchivedVersion[]> {
  const months = new Map<string, ArchivedVersion[]>();
  for (const version of versions) {
    const month = monthOf(dayOfTimestamp(version.timestamp));
    months.set(month, [...(months.get(month) ?? []), version]);
  }
  return months;
}

/** The locations among `locations` already read into the dataset: an ingestion's, or a source's (a duplicate's). */
async function storedLocations(prisma: PrismaClient, datasetId: string, locations: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  // A month of minute-by-minute versions is tens of thousands: asked in slices, well within a statement's parameters.
  for (let start = 0; start < locations.length; start += LOCATIONS_PER_QUERY) {
    const where = { datasetId, location: { in: locations.slice(start, start + LOCATIONS_PER_QUERY) } };
    const select = { location: true } as const;
    const [ingestions, sources] = await Promise.all([prisma.ingestion.findMany({ where, select }), prisma.source.findMany({ where, select })]);
    for (const row of [...ingestions, ...sources]) stored.add(row.location);
  }
  return stored;
}

async function rememberLocation(prisma: PrismaClient, datasetId: string, location: string): Promise<void> {
  await prisma.source.upsert({
    where: { datasetId_location: { datasetId, location } },
    create: { datasetId, location, checkedAt: new Date() },
    update: {},
  });
}

/** A dataset outside the plan must be registered before its files can be ingested. */
async function requireStoredDataset(prisma: PrismaClient, datasetId: string): Promise<void> {
  if (await prisma.dataset.findUnique({ where: { id: datasetId }, select: { id: true } })) return;
  throw new BackfillError(`dataset ${JSON.stringify(datasetId)} is not in the database: register it first (pnpm ingest --register ${datasetId})`);
}
