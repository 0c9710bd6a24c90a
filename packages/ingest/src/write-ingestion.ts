import {
  announceDataChange,
  CATALOGUE_CHANGED,
  insertingRecordTransaction,
  readDatasetFields,
  RecordBatch,
  saveDatasetFields,
  storeStringFieldsAsText,
  syncTypedTable,
  type OpenRecordWriter,
  type Prisma,
  type PrismaClient,
  type RecordTransactionRunner,
} from "@hkhealth/store";
import { declaredFieldTypes } from "./declared-field-types.js";
import { IngestError, stopIfInterrupted } from "./errors.js";
import { FieldTypes } from "./field-types.js";
import type { FileFormat, RawRow } from "./formats/index.js";
import type { ObservationTime } from "./observation-time.js";
import { RecordPreparer } from "./prepare-record.js";
import { linkRelease, type ReleaseOption } from "./release.js";
import type { IngestProgress } from "./request.js";
import { saveSource } from "./source-row.js";
import type { FetchedFile } from "./source/index.js";

/** Records per INSERT (one JSON parameter each, small enough for any driver, few round trips), or per chunk of a COPY. */
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
  /** Longest record, as stored (INGEST_MAX_RECORD_CHARACTERS). */
  readonly maxRecordCharacters: number;
  readonly observation: ObservationTime;
  readonly releases: readonly ReleaseOption[];
  readonly requestedRelease?: ReleaseOption | undefined;
  readonly onProgress?: ((progress: IngestProgress) => void) | undefined;
  /** Checked after the dataset's lock, at every row and just before the commit. */
  readonly signal?: AbortSignal | undefined;
}

export interface WrittenIngestion {
  readonly ingestionId: number;
  readonly records: number;
  readonly observedAt: Date;
  readonly releaseId: string | null;
}

/**
 * Writes one file in one transaction: its Ingestion row, its records in batches as the file
 * streams (each batch read while the one before is being written), the dataset's field types,
 * the Source's validators and the release link. Any error, a bad row included, rolls all of it
 * back; so does a file without records. `runTransaction` decides how the records go in: the
 * store's (Store.recordTransaction: COPY on PostgreSQL) or, by default, one INSERT per batch.
 */
export function writeIngestion(
  prisma: PrismaClient,
  ingestion: IngestionToWrite,
  runTransaction: RecordTransactionRunner = insertingRecordTransaction,
): Promise<WrittenIngestion> {
  return runTransaction(prisma, (tx, openRecordWriter) => writeInTransaction(tx, openRecordWriter, ingestion), {
    timeout: TRANSACTION_TIMEOUT_MS,
    maxWait: 60_000,
  });
}

async function writeInTransaction(tx: Prisma.TransactionClient, openRecordWriter: OpenRecordWriter, ingestion: IngestionToWrite): Promise<WrittenIngestion> {
  const { datasetId, resource, file, observation } = ingestion;
  // Ingests into one dataset take turns (PostgreSQL runs them side by side): each must merge the
  // field types the one before it saved, and the same bytes must wait to be found a duplicate.
  await tx.$executeRawUnsafe(`SELECT 1 FROM "Dataset" WHERE id = $1 FOR UPDATE`, datasetId);
  stopIfInterrupted(ingestion.signal, file.location);
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
  const fieldTypes = new FieldTypes(storedFields, declaredFieldTypes(datasetId));
  const preparer = new RecordPreparer(ingestion.validate, observation, fieldTypes, {
    source: file.location,
    maxRecordCharacters: ingestion.maxRecordCharacters,
  });
  const target = { datasetId, ingestionId, resource };
  const started = Date.now();
  let written = 0;
  const records = await openRecordWriter(tx, target);
  const writes = new OverlappedWrites(async (batch: RecordBatch) => {
    await records.write(batch);
    written += batch.size;
    ingestion.onProgress?.({ records: written, elapsedMs: Date.now() - started });
  }, records.end);
  let latest: Date | undefined;
  try {
    let batch = new RecordBatch();
    for await (const row of ingestion.rows) {
      stopIfInterrupted(ingestion.signal, file.location);
      const observedAt = preparer.add(row, batch);
      if (latest === undefined || observedAt > latest) latest = observedAt;
      if (batch.size === BATCH_SIZE) {
        await writes.send(batch);
        batch = new RecordBatch();
      }
    }
    if (batch.size > 0) await writes.send(batch);
    await writes.finish();
    // A publisher never means "no rows": such a file is cut short or the wrong one.
    if (written === 0) throw new IngestError(file.location, `has no records (${noRecordsIn[ingestion.format]}), so nothing was written`);
    if (preparer.recordsWithValues === 0) throw new IngestError(file.location, `has ${written} records but not one value in them, so nothing was written`);
  } catch (error) {
    throw await writes.settle(error);
  }

  const fields = fieldTypes.list();
  await saveDatasetFields(tx, datasetId, storedFields, fields);
  const stringFields = fields.filter((field) => field.type === "STRING" && preparer.fieldsWithNonText.has(field.name));
  await storeStringFieldsAsText(tx, ingestionId, stringFields.map((field) => field.name));
  // Once the file's field types are known (its last row may have made a field text).
  await syncTypedTable(tx, datasetId, fields, ingestionId);
  const observedAt = latest ?? observation.ofFile;
  const release = linkRelease(ingestion.releases, ingestion.requestedRelease, observedAt, file.fetchedAt);
  if (release.recordPublication !== undefined && release.releaseId !== null) {
    await tx.release.update({ where: { id: release.releaseId }, data: { releasedMonth: release.recordPublication } });
  }
  await tx.ingestion.update({ where: { id: ingestionId }, data: { observedAt, recordCount: written, releaseId: release.releaseId } });
  await saveSource(tx, datasetId, file);
  // Delivered on commit only: every gateway drops the answers that read this dataset (a release's
  // publication month is the catalogue's).
  await announceDataChange(tx, datasetId);
  if (release.recordPublication !== undefined && release.releaseId !== null) await announceDataChange(tx, CATALOGUE_CHANGED);
  stopIfInterrupted(ingestion.signal, file.location); // the last moment before the commit
  return { ingestionId, records: written, observedAt, releaseId: release.releaseId };
}

const noRecordsIn: Readonly<Record<FileFormat, string>> = {
  CSV: "no line below the header, or no header",
  XLSX: "no row below the header in the sheet, or an empty sheet",
  JSON: "the array of records is empty",
  XML: "no record element",
};

/**
 * Sends batches one at a time without making the caller wait for each: `send` returns as soon as
 * the batch before is done and this one is on its way, so the next batch is read and prepared
 * while the database works on this one. At most one batch is in flight (a transaction runs one
 * statement at a time) and one more is being filled. A failed batch stops the next `send`.
 * `end` ends the writing (a COPY), after which every batch sent is stored or refused.
 */
class OverlappedWrites<Batch> {
  readonly #write: (batch: Batch) => Promise<void>;
  readonly #end: () => Promise<void>;
  /** Never rejects: a batch's error is kept in #failure, so it is never unhandled while rows are read. */
  #inFlight: Promise<void> = Promise.resolve();
  #failure: { readonly error: unknown } | undefined;

  constructor(write: (batch: Batch) => Promise<void>, end: () => Promise<void>) {
    this.#write = write;
    this.#end = end;
  }

  /** Waits for the batch in flight (throwing its error, if it failed), then starts writing this one. */
  async send(batch: Batch): Promise<void> {
    await this.#settleInFlight();
    this.#inFlight = this.#write(batch).catch((error: unknown) => {
      this.#failure = { error };
    });
  }

  /** Waits for the batch in flight and ends the writing; throws the error of a batch refused. */
  async finish(): Promise<void> {
    await this.#settleInFlight();
    await this.#end();
  }

  async #settleInFlight(): Promise<void> {
    await this.#inFlight;
    if (this.#failure) throw this.#failure.error;
  }

  /**
   * After `error` stopped the reading: waits for the batch in flight and ends the writing, as the
   * transaction can only end once its statement has, and returns the error to report. A failed
   * batch's error comes first, then a refusal of the batches sent, as their rows come before the
   * row that was being read; so the error is the one a write-then-read ingest would have met first.
   */
  async settle(error: unknown): Promise<unknown> {
    await this.#inFlight;
    const refusal = await this.#end().then(
      () => undefined,
      (endError: unknown) => ({ error: endError }),
    );
    return (this.#failure ?? refusal ?? { error }).error;
  }
}
