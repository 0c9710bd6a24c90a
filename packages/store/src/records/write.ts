import type { Prisma } from "../generated/prisma/client.js";
import type { FieldType, RecordFieldInfo } from "./types.js";

type Transaction = Prisma.TransactionClient;

/** A record ready to store: values normalised, observation time decided. */
export interface RecordToWrite {
  readonly ordinal: number;
  readonly observedAt: Date;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface RecordBatchTarget {
  readonly datasetId: string;
  readonly ingestionId: number;
  readonly resource: string;
}

/**
 * Records encoded as they are prepared: each record's fields become their JSON text at once, so a
 * batch keeps one string per record rather than its objects; the statement's parameter (INSERT)
 * or the COPY's rows are built once per batch, by joining them.
 */
export class RecordBatch {
  readonly #ordinals: number[] = [];
  readonly #observedAtTexts: string[] = [];
  readonly #fieldsJson: string[] = [];
  /** The last observation time and its text: records in a row mostly share theirs. */
  #observedAt: Date | undefined;
  #observedAtText = "";

  get size(): number {
    return this.#ordinals.length;
  }

  /**
   * Adds a record; `fieldsJson` is its fields as the text of a JSON object, as
   * `JSON.stringify(fields)` writes it (or the same text built another way).
   */
  add(ordinal: number, observedAt: Date, fieldsJson: string): void {
    if (observedAt !== this.#observedAt) {
      this.#observedAt = observedAt;
      this.#observedAtText = observedAt.toISOString();
    }
    this.#ordinals.push(ordinal);
    this.#observedAtTexts.push(this.#observedAtText);
    this.#fieldsJson.push(fieldsJson);
  }

  /** The batch as one JSON array of {o: ordinal, t: observation time, f: fields}. */
  toJson(): string {
    return `[${this.map((ordinal, observedAt, fieldsJson) => `{"o":${ordinal},"t":"${observedAt}","f":${fieldsJson}}`).join(",")}]`;
  }

  /** Each record encoded by `encode`, given its ordinal, observation time as ISO text and fields as JSON text. */
  map(encode: (ordinal: number, observedAtText: string, fieldsJson: string) => string): string[] {
    const encoded = new Array<string>(this.size);
    for (let index = 0; index < encoded.length; index++) {
      encoded[index] = encode(this.#ordinals[index]!, this.#observedAtTexts[index]!, this.#fieldsJson[index]!);
    }
    return encoded;
  }
}

/**
 * Inserts a batch in one statement. The batch travels as one JSON parameter and is unpacked
 * by PostgreSQL (jsonb_to_recordset), which every driver adapter passes through unchanged.
 */
export async function insertRecords(tx: Transaction, target: RecordBatchTarget, records: RecordBatch | readonly RecordToWrite[]): Promise<void> {
  const batch = records instanceof RecordBatch ? records : batchOf(records);
  if (batch.size === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "Record" ("datasetId", "ingestionId", resource, ordinal, "observedAt", fields)
     SELECT $1, $2, $3, x.o, x.t, x.f FROM jsonb_to_recordset($4::jsonb) AS x(o int, t timestamptz, f jsonb)`,
    target.datasetId,
    target.ingestionId,
    target.resource,
    batch.toJson(),
  );
}

/**
 * Puts a file's records into "Record" inside its transaction, one batch at a time (the next is
 * sent only once `write` of the one before has resolved). `end` must be called once the last
 * batch is sent, after a failure too, before the transaction's next statement: it resolves when
 * every record sent is in the table and rejects with the database's refusal of one.
 */
export interface RecordWriter {
  /** Resolves once the next batch may be sent; rejects when this or an earlier batch was refused. */
  write(batch: RecordBatch): Promise<void>;
  /** Resolves once every batch sent is stored; may be called again, for the same answer. */
  end(): Promise<void>;
}

/** Opens a RecordWriter for `target` in the transaction `tx`. */
export type OpenRecordWriter = (tx: Transaction, target: RecordBatchTarget) => Promise<RecordWriter>;

/** A RecordWriter of one INSERT per batch (insertRecords): each batch is stored once its `write` resolves. */
export const openInsertingRecordWriter: OpenRecordWriter = async (tx, target) => ({
  write: (batch) => insertRecords(tx, target, batch),
  end: async () => {},
});

function batchOf(records: readonly RecordToWrite[]): RecordBatch {
  const batch = new RecordBatch();
  for (const record of records) batch.add(record.ordinal, record.observedAt, JSON.stringify(record.fields));
  return batch;
}

/** The fields a dataset's records have so far, in order of first appearance. */
export async function readDatasetFields(tx: Transaction, datasetId: string): Promise<RecordFieldInfo[]> {
  const rows = await tx.datasetField.findMany({ where: { datasetId }, orderBy: { position: "asc" } });
  return rows.map((row) => ({ name: row.name, type: row.type as FieldType, position: row.position }));
}

/** Writes the fields whose type changed or that are new; leaves the others untouched. */
export async function saveDatasetFields(
  tx: Transaction,
  datasetId: string,
  before: readonly RecordFieldInfo[],
  after: readonly RecordFieldInfo[],
): Promise<void> {
  const known = new Map(before.map((field) => [field.name, field]));
  const created = after.filter((field) => !known.has(field.name));
  if (created.length > 0) await tx.datasetField.createMany({ data: created.map((field) => ({ datasetId, ...field })) });
  for (const field of after) {
    const previous = known.get(field.name);
    if (previous && previous.type !== field.type) {
      await tx.datasetField.update({ where: { datasetId_name: { datasetId, name: field.name } }, data: { type: field.type } });
    }
  }
}

/**
 * A STRING field's values as text, as published: the ingest reads "45" as the number 45 before
 * it knows the column also holds "<1", so the numbers and booleans an ingestion stored in fields
 * that ended up STRING are rewritten as their text (a number's text is the published one: the
 * ingest reads only numbers written as JavaScript writes them back).
 */
export async function storeStringFieldsAsText(tx: Transaction, ingestionId: number, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const nonText = `FROM jsonb_array_elements_text($2::jsonb) AS name WHERE jsonb_typeof(fields->name) IN ('number', 'boolean')`;
  await tx.$executeRawUnsafe(
    `UPDATE "Record" SET fields = fields || (SELECT jsonb_object_agg(name, to_jsonb(fields->>name)) ${nonText})
     WHERE "ingestionId" = $1 AND EXISTS (SELECT 1 ${nonText})`,
    ingestionId,
    JSON.stringify(names),
  );
}
