import { insertRecords, readDatasetFields, saveDatasetFields, type Prisma, type PrismaClient, type RecordToWrite } from "@hkhealth/store";
import { FieldTypes } from "./field-types.js";
import type { FileFormat, RawRow } from "./formats/index.js";
import type { ObservationTime } from "./observation-time.js";
import { prepareRecord } from "./prepare-record.js";
import { linkRelease, type ReleaseOption } from "./release.js";
import type { IngestProgress } from "./request.js";
import { saveSource } from "./source-row.js";
import type { FetchedFile } from "./source/index.js";

/** Records per INSERT: one JSON parameter each, small enough for any driver, few round trips. */
export const BATCH_SIZE = 2_000;

/** Generous: a large file is parsed while the transaction is open. */
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;

export interface IngestionToWrite {
  readonly datasetId: string;
  readonly resource: string;
  readonly format: FileFormat;
  readonly file: FetchedFile;
  readonly rows: AsyncIterable<RawRow>;
  readonly validate: (row: RawRow) => void;
  readonly observation: ObservationTime;
  readonly releases: readonly ReleaseOption[];
  readonly requestedRelease?: ReleaseOption | undefined;
  readonly onProgress?: ((progress: IngestProgress) => void) | undefined;
}

export interface WrittenIngestion {
  readonly ingestionId: number;
  readonly records: number;
  readonly observedAt: Date;
  readonly releaseId: string | null;
}

/**
 * Writes one file in one transaction: its Ingestion row, its records in batches as the file
 * streams, the dataset's field types, the Source's validators and the release link. Any error,
 * a bad row included, rolls all of it back.
 */
export function writeIngestion(prisma: PrismaClient, ingestion: IngestionToWrite): Promise<WrittenIngestion> {
  return prisma.$transaction((tx) => writeInTransaction(tx, ingestion), { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 60_000 });
}

async function writeInTransaction(tx: Prisma.TransactionClient, ingestion: IngestionToWrite): Promise<WrittenIngestion> {
  const { datasetId, resource, file, observation } = ingestion;
  // Ingests into one dataset take turns (PostgreSQL runs them side by side): each must merge the
  // field types the one before it saved, and the same bytes must wait to be found a duplicate.
  await tx.$executeRawUnsafe(`SELECT 1 FROM "Dataset" WHERE id = $1 FOR UPDATE`, datasetId);
  const { id: ingestionId } = await tx.ingestion.create({
    data: {
      datasetId,
      resource,
      location: file.location,
      sha256: file.sha256,
      format: ingestion.format,
      fetchedAt: file.fetchedAt,
      observedAt: observation.ofFile, // until the records say otherwise
      recordCount: 0,
    },
    select: { id: true },
  });
  const storedFields = await readDatasetFields(tx, datasetId);
  const fieldTypes = new FieldTypes(storedFields);
  const started = Date.now();
  let written = 0;
  let latest: Date | undefined;
  let batch: RecordToWrite[] = [];
  const flush = async () => {
    await insertRecords(tx, { datasetId, ingestionId, resource }, batch);
    written += batch.length;
    batch = [];
    ingestion.onProgress?.({ records: written, elapsedMs: Date.now() - started });
  };
  for await (const row of ingestion.rows) {
    const { record, types } = prepareRecord(row, ingestion.validate, observation);
    for (const [name, type] of types) fieldTypes.add(name, type);
    if (latest === undefined || record.observedAt > latest) latest = record.observedAt;
    batch.push(record);
    if (batch.length === BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();

  await saveDatasetFields(tx, datasetId, storedFields, fieldTypes.list());
  const observedAt = latest ?? observation.ofFile;
  const release = linkRelease(ingestion.releases, ingestion.requestedRelease, observedAt, file.fetchedAt);
  if (release.recordPublication !== undefined && release.releaseId !== null) {
    await tx.release.update({ where: { id: release.releaseId }, data: { releasedMonth: release.recordPublication } });
  }
  await tx.ingestion.update({ where: { id: ingestionId }, data: { observedAt, recordCount: written, releaseId: release.releaseId } });
  await saveSource(tx, datasetId, file);
  return { ingestionId, records: written, observedAt, releaseId: release.releaseId };
}
