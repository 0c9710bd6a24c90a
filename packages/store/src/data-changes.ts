import type { Listener } from "./connection.js";
import type { Prisma } from "./generated/prisma/client.js";

/**
 * The channel on which every write that changes what the graph answers is announced, with a
 * NOTIFY sent inside the write's transaction: PostgreSQL delivers it only once the transaction
 * commits (never on a rollback), to every process LISTENing (each gateway's response cache).
 */
export const DATA_CHANGES_CHANNEL = "hkhealth_data_changes";

/** The payload of a change to the catalogue itself (agencies, datasets, releases): everything may have changed. */
export const CATALOGUE_CHANGED = "catalogue";

/** Payload sent when the listener may have missed changes (a lost connection): everything may have changed. */
export const ANYTHING_CHANGED = "*";

/**
 * Announces, on commit, that the transaction `tx` changed `change`: a dataset id, or
 * CATALOGUE_CHANGED. One statement: the change's row of "DataVersion" goes up by one (seen by
 * others on commit, with the data) and the NOTIFY is queued (delivered on commit).
 */
export async function announceDataChange(tx: Prisma.TransactionClient, change: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH bumped AS (
       INSERT INTO "DataVersion" (change, version) VALUES ($2, 1)
       ON CONFLICT (change) DO UPDATE SET version = "DataVersion".version + 1
       RETURNING change
     )
     SELECT pg_notify($1, change) FROM bumped`,
    DATA_CHANGES_CHANNEL,
    change,
  );
}

/** The data's versions at one moment: how many changes each dataset id (or the catalogue) has had. */
export interface DataVersions {
  of(change: string): number;
  /** Every change of every part: goes up with any change. */
  readonly total: number;
}

/** A watch on committed changes, from one process. */
export interface DataChangeWatch {
  /**
   * The versions as of a moment after this call: a change committed before the call is in
   * them, whichever process committed it and whether or not its NOTIFY has arrived yet.
   * Concurrent calls share one read.
   */
  versions(): Promise<DataVersions>;
  stop(): Promise<void>;
}

function versionsOf(counts: ReadonlyMap<string, number>): DataVersions {
  let total = 0;
  for (const count of counts.values()) total += count;
  return { of: (change) => counts.get(change) ?? 0, total };
}

/**
 * Runs `read` for callers so that each gets the result of a read that began after it called;
 * callers arriving while a read runs share the next one (so there are at most two in turn).
 */
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const current = read().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (next) return next;
    if (!running) return start();
    const queued = running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      next = undefined;
      return start();
    });
    next = queued;
    return queued;
  };
}

/**
 * Watches committed changes: `onChange` hears each NOTIFY (dataset id, CATALOGUE_CHANGED, or
 * ANYTHING_CHANGED after a lost connection). On a server the versions are read from
 * "DataVersion" on the listening connection. On PGlite every writer is this process and a
 * NOTIFY is heard before its commit returns, so they are read once and then counted from the
 * NOTIFYs; one heard while that read runs is left out, so the count can only lag the table's,
 * which costs a miss (an answer's versions never match a later state's), never a stale answer.
 */
export async function watchDataChanges(listen: (onPayload: (payload: string) => void) => Promise<Listener>, onChange: (change: string) => void): Promise<DataChangeWatch> {
  let counted: Map<string, number> | undefined;
  const listener = await listen((change) => {
    counted?.set(change, (counted.get(change) ?? 0) + 1);
    onChange(change);
  });
  const readTable = async () => {
    const rows = await listener.query<{ change: string; version: number }>(`SELECT change, version FROM "DataVersion"`);
    return new Map(rows.map((row) => [row.change, Number(row.version)]));
  };
  if (!listener.heardOnCommit) {
    const readVersions = freshReads(async () => versionsOf(await readTable()));
    return { versions: readVersions, stop: () => listener.stop() };
  }
  try {
    counted = await readTable();
  } catch (error) {
    await listener.stop();
    throw error;
  }
  const counts = counted;
  return { versions: async () => versionsOf(new Map(counts)), stop: () => listener.stop() };
}
