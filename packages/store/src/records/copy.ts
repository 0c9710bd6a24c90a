import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RecordBatch, RecordBatchTarget, RecordWriter } from "./write.js";

export const COPY_RECORDS = `COPY "Record" ("datasetId", "ingestionId", resource, ordinal, "observedAt", fields) FROM STDIN`;

/**
 * A RecordWriter that streams the records into "Record" with one COPY FROM STDIN on `client`,
 * which must be the connection of the transaction the records belong to (nothing else may use
 * it until `end` has settled). `write` resolves as soon as the connection has taken the batch
 * (it waits only while the socket is full), so the server stores a batch while the next is
 * read; a refusal (a constraint, a lost connection) rejects the next `write` or `end`.
 * The rows are the ones insertRecords writes: the same texts, parsed by the same input functions.
 */
export function openCopyingRecordWriter(client: pg.ClientBase, target: RecordBatchTarget): RecordWriter {
  const copy = client.query(copyFrom(COPY_RECORDS));
  let refusal: { readonly error: unknown } | undefined;
  // Listens from the start: a refusal may come while no write is waiting.
  const stored = finished(copy).catch((error: unknown) => {
    refusal ??= { error };
  });
  const prefix = `${copyText(target.datasetId)}\t${target.ingestionId}\t${copyText(target.resource)}\t`;
  let ended: Promise<void> | undefined;
  const throwRefusal = () => {
    if (refusal) throw refusal.error;
  };
  return {
    write: async (batch: RecordBatch) => {
      throwRefusal();
      if (!copy.write(copyRows(prefix, batch))) await Promise.race([once(copy, "drain"), stored]);
      throwRefusal();
    },
    end: () => {
      ended ??= (async () => {
        if (!refusal) copy.end();
        await stored;
        throwRefusal();
      })();
      return ended;
    },
  };
}

/** The batch as COPY's text rows, each `prefix` (the target's columns) then ordinal, observation time and fields. */
function copyRows(prefix: string, batch: RecordBatch): string {
  return batch.map((ordinal, observedAt, fieldsJson) => `${prefix}${ordinal}\t${observedAt}\t${copyText(fieldsJson)}\n`).join("");
}

const special = /[\\\t\n\r]/;
const specials = /[\\\t\n\r]/g;
const escapes: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * A value as COPY's text format reads it back: backslash, tab, newline and carriage return
 * escaped (JSON text has no raw tab or newline, but its own escapes are backslashes).
 */
export function copyText(value: string): string {
  return special.test(value) ? value.replace(specials, (character) => escapes[character]!) : value;
}
