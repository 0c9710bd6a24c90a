import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { PrismaClient, Store } from "@hkhealth/store";
import { chooseFormat, withFormatHint } from "./choose-format.js";
import { findDataset, type TargetDataset } from "./dataset.js";
import { IngestError } from "./errors.js";
import { parsers, type FileFormat } from "./formats/index.js";
import { ingestLimits } from "./limits.js";
import { observationTime } from "./observation-time.js";
import { requireRelease, type ReleaseOption } from "./release.js";
import type { IngestRequest, IngestResult } from "./request.js";
import { resourceOf } from "./resource.js";
import { fetchFile, normaliseLocation, type FetchedFile } from "./source/index.js";
import { refreshValidators } from "./source-row.js";
import { rowValidator } from "./validate-row.js";
import { writeIngestion } from "./write-ingestion.js";

/**
 * Ingests one file (a path or an http(s) URL) into a dataset. Bad input, wherever it is found,
 * is an IngestError naming the file, the place in it and the field, and nothing is written: the
 * records, field types, provenance, source validators and release link go in one transaction.
 * Bytes ingested before give "duplicate", a URL that answers 304 "unchanged"; both write nothing.
 */
export async function ingestFile(store: Store, request: IngestRequest): Promise<IngestResult> {
  const { prisma } = store;
  const location = normaliseLocation(request.location);
  const dataset = await findDataset(prisma, request.datasetId, location);
  const releases = await prisma.release.findMany({
    where: { datasetId: dataset.id },
    select: { id: true, month: true, releasedMonth: true },
    orderBy: { month: "asc" },
  });
  const requestedRelease = request.releaseId === undefined ? undefined : requireRelease(releases, request.releaseId, location, dataset.id);

  const file = await fetchFile(prisma, dataset.id, location, request.fetchTimeoutMs, request.signal);
  if (file === "unchanged") return { status: "unchanged", datasetId: dataset.id, location, records: 0 };
  try {
    const earlier = await findIngestion(prisma, dataset.id, file.sha256);
    if (earlier) {
      await refreshValidators(prisma, dataset.id, file);
      return duplicateOf(earlier, location);
    }
    const format = chooseFormat(file, request.format);
    return await readIntoDataset(store, { request, dataset, releases, requestedRelease, file, format }).catch((error: unknown) => {
      throw withFormatHint(error, file, format);
    });
  } finally {
    await file.dispose();
  }
}

interface Reading {
  readonly request: IngestRequest;
  readonly dataset: TargetDataset;
  readonly releases: readonly ReleaseOption[];
  readonly requestedRelease: ReleaseOption | undefined;
  readonly file: FetchedFile;
  readonly format: FileFormat;
}

/** Parses the file and writes what it holds. */
async function readIntoDataset({ prisma, recordTransaction }: Store, { request, dataset, releases, requestedRelease, file, format }: Reading): Promise<IngestResult> {
  const source = file.location;
  if ((await stat(file.path)).size === 0) throw new IngestError(source, "the file is empty (0 bytes)");
  const limits = ingestLimits(request.limits);
  const open = () => createReadStream(file.path);
  const parsed = await parsers[format]({ source, open, recordPath: dataset.recordPath ?? undefined, limits });
  const observation = observationTime({
    source,
    observedAtField: dataset.observedAtField,
    metadata: parsed.metadata,
    requested: request.observedAt,
    fetchedAt: file.fetchedAt,
  });
  const resource = resourceOf(source, dataset, request.resource);
  try {
    const toWrite = {
      datasetId: dataset.id,
      resource,
      format,
      file,
      rows: parsed.rows,
      validate: rowValidator(dataset.id, source),
      maxRecordCharacters: limits.maxRecordCharacters,
      observation,
      releases,
      requestedRelease,
      onProgress: request.onProgress,
      signal: request.signal,
    };
    // The store's own transaction: on PostgreSQL the records go in with COPY.
    const written = await writeIngestion(prisma, toWrite, recordTransaction);
    return { status: "ingested", datasetId: dataset.id, location: source, sha256: file.sha256, resource, ...written };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    // The unique key stopped this one: another ingest of the same bytes committed first.
    const earlier = await findIngestion(prisma, dataset.id, file.sha256).catch(() => null);
    if (earlier) return duplicateOf(earlier, source);
    // Prisma's messages quote the calling code over many lines; the last one says what happened.
    const reason = String((error as Error).message).trim().split("\n").at(-1);
    throw new IngestError(source, `could not be stored, so nothing was (${reason})`, undefined, undefined, { cause: error });
  }
}

function findIngestion(prisma: PrismaClient, datasetId: string, sha256: string) {
  return prisma.ingestion.findUnique({
    where: { datasetId_sha256: { datasetId, sha256 } },
    select: { id: true, datasetId: true, sha256: true, observedAt: true, resource: true, releaseId: true },
  });
}

type EarlierIngestion = NonNullable<Awaited<ReturnType<typeof findIngestion>>>;

/** The result for bytes ingested before: the earlier ingestion, reached from `location` this time. */
function duplicateOf(earlier: EarlierIngestion, location: string): IngestResult {
  return {
    status: "duplicate",
    datasetId: earlier.datasetId,
    location,
    ingestionId: earlier.id,
    records: 0,
    sha256: earlier.sha256,
    observedAt: earlier.observedAt,
    resource: earlier.resource,
    releaseId: earlier.releaseId,
  };
}
