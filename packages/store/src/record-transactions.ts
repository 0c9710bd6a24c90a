import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import type { Prisma, PrismaClient } from "./generated/prisma/client.js";
import { COPY_RECORDS, openCopyingRecordWriter } from "./records/copy.js";
import { openInsertingRecordWriter, type OpenRecordWriter } from "./records/write.js";
import type { SqlLog } from "./sql-log.js";

export interface RecordTransactionOptions {
  readonly timeout: number;
  readonly maxWait: number;
}

/**
 * Runs `work` in one interactive transaction of `prisma` and hands it the way to write records
 * in that same transaction.
 */
export type RecordTransactionRunner = <T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient, openRecordWriter: OpenRecordWriter) => Promise<T>,
  options: RecordTransactionOptions,
) => Promise<T>;

/** Records go in with one INSERT per batch, through the transaction itself (PGlite; any Prisma client). */
export const insertingRecordTransaction: RecordTransactionRunner = (prisma, work, options) =>
  prisma.$transaction((tx) => work(tx, openInsertingRecordWriter), options);

/**
 * Records go in with COPY FROM STDIN on the pool client that Prisma's transaction runs on: Prisma
 * cannot send a COPY, but its pg adapter runs a transaction on one client it takes from `pool`
 * (pool.connect), so the first client taken in the transaction's async context is claimed, and
 * checked to be the transaction's own (its backend pid) before anything is copied on it.
 * Everything else in the file's write stays Prisma's, in the same transaction. Each COPY is
 * told to the `log` of the store the runner is made for (Prisma sends, and logs, the rest).
 */
export function copyingRecordTransaction(pool: pg.Pool): (log: SqlLog) => RecordTransactionRunner {
  const claims = new AsyncLocalStorage<{ client?: pg.PoolClient }>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  pool.connect = (async (...args: unknown[]) => {
    if (args.length > 0) return (connect as (...callback: unknown[]) => unknown)(...args); // the callback form: not Prisma's
    const client = await connect();
    const claim = claims.getStore();
    if (claim && claim.client === undefined) claim.client = client;
    return client;
  }) as typeof pool.connect;
  return (log) => (prisma, work, options) => {
    const claim: { client?: pg.PoolClient } = {};
    return claims.run(claim, () =>
      prisma.$transaction(async (tx) => {
        const client = claim.client;
        const [{ pid }] = await tx.$queryRawUnsafe<[{ pid: number }]>(`SELECT pg_backend_pid() AS pid`);
        if (client === undefined || (client as unknown as { processID: number }).processID !== pid) {
          throw new Error("The transaction's connection could not be found, so its records cannot be copied on it");
        }
        // A statement_timeout left on the pooled connection by a GraphQL request must not bound the COPY of a whole file.
        await client.query("SET LOCAL statement_timeout = 0");
        return work(tx, async (_tx, target) => {
          log.emit(COPY_RECORDS);
          return openCopyingRecordWriter(client, target);
        });
      }, options),
    );
  };
}
