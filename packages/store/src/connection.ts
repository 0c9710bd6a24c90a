import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DatabaseUnavailableError, describeDatabaseUrl } from "./errors.js";
import { lockDataDir } from "./pglite-lock.js";
import { boundRequestStatements } from "./query-cancellation.js";
import type { SqlLog } from "./sql-log.js";
import { copyingRecordTransaction, insertingRecordTransaction, type RecordTransactionRunner } from "./record-transactions.js";

export interface ConnectionOptions {
  /** A PostgreSQL server; when absent the store runs on embedded PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data folder; omitted means in memory. Ignored with `databaseUrl`. */
  readonly dataDir?: string | undefined;
  /** Most connections the PostgreSQL pool opens (default 10). */
  readonly poolSize?: number | undefined;
  /**
   * Longest a statement of a GraphQL request may run on the server (PostgreSQL's
   * statement_timeout); statements outside requests (an ingest, migrations) have no bound.
   * PGlite does not enforce it.
   */
  readonly statementTimeoutMs?: number | undefined;
}

/** One physical database, embedded or remote, and the driver adapter Prisma reaches it through. */
export interface Connection {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, safe to print: a folder, "memory" or host:port/database. */
  readonly target: string;
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Runs a transaction that writes records: COPY on its own connection on a server (told to `log`), batched INSERTs on PGlite. */
  readonly recordTransaction: (log: SqlLog) => RecordTransactionRunner;
  /** Runs `SELECT 1`; throws DatabaseUnavailableError when the database does not answer. */
  ping(): Promise<void>;
  /**
   * A session for the schema engine: on a server, one connection of its own, closed afterwards
   * so that its advisory lock ends with it; on PGlite, its one connection.
   */
  openMigrationSession(): Promise<MigrationSession>;
  /** Connections in use and idle, for metrics (PGlite has one, always). */
  poolStats(): { total: number; idle: number; waiting: number };
  /** LISTENs on `channel`; `onPayload` gets each committed NOTIFY's payload. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Listener>;
  close(): Promise<void>;
}

/** A LISTEN in progress. */
export interface Listener {
  /**
   * Whether a NOTIFY reaches `onPayload` before the committing transaction's caller hears of
   * the commit: true on PGlite (one process, delivered synchronously), false on a server
   * (delivered a little later, to each process on its own connection).
   */
  readonly heardOnCommit: boolean;
  /** Runs a read on the listening connection itself, which no pooled query ever waits for. */
  query<Row>(sql: string): Promise<Row[]>;
  stop(): Promise<void>;
}

/** One database session: plain queries and a driver adapter for the schema engine, on the same connection. */
export interface MigrationSession {
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  query<Row>(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

/**
 * Settings of the store's sessions. random_page_cost 1.1 (PostgreSQL's default is 4, for
 * spinning disks): the records' indexes are read from memory or SSD, where a random read costs
 * about a sequential one. With 4, a filtered page of a typed table is read through the index of
 * its order alone (the rows being stored in time order make that look cheap), filtering
 * hundreds of rows, instead of the index led by the filtered field (typed-table.ts).
 */
const SESSION_SETTINGS = "-c random_page_cost=1.1";

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.statementTimeoutMs) : openPglite(options.dataDir);
}

async function openPostgres(databaseUrl: string, poolSize: number, statementTimeoutMs: number | undefined): Promise<Connection> {
  const target = describeDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000, options: SESSION_SETTINGS });
  boundRequestStatements(pool, statementTimeoutMs);
  // An idle client losing its server (a restart) must not crash the process: the pool drops it.
  pool.on("error", () => {});
  const ping = async () => {
    try {
      await pool.query("SELECT 1");
    } catch (error) {
      throw new DatabaseUnavailableError(target, error);
    }
  };
  await ping().catch(async (error: unknown) => {
    await pool.end().catch(() => {});
    throw error;
  });
  return {
    kind: "postgres",
    target,
    adapterFactory: new PrismaPg(pool),
    recordTransaction: copyingRecordTransaction(pool),
    ping,
    openMigrationSession: async () => {
      // One connection that never idles out, so every statement, the engine's too, is one session.
      const session = new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 0, connectionTimeoutMillis: 5_000 });
      session.on("error", () => {});
      return {
        adapterFactory: new PrismaPg(session),
        query: async <Row>(sql: string) => (await session.query(sql)).rows as Row[],
        close: () => session.end(),
      };
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, onPayload) => listenOnServer(databaseUrl, channel, onPayload),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Connection> {
  const target = dataDir ? `PGlite at ${dataDir}` : "PGlite in memory";
  // "memory://" and other PGlite schemes are not folders; only folders are shared between processes.
  const unlock = dataDir && !/^[a-z]+:\/\//i.test(dataDir) ? lockDataDir(dataDir, target) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    unlock();
    throw new DatabaseUnavailableError(target, error);
  }
  const adapterFactory = new PrismaPGlite(db);
  return {
    kind: "pglite",
    target,
    adapterFactory,
    // PGlite's COPY reads a file or blob, not a stream: batched INSERTs keep the file streamed.
    recordTransaction: () => insertingRecordTransaction,
    ping: async () => {
      try {
        await db.query("SELECT 1");
      } catch (error) {
        throw new DatabaseUnavailableError(target, error);
      }
    },
    openMigrationSession: async () => ({
      adapterFactory,
      query: async <Row>(sql: string) => (await db.query<Row>(sql)).rows,
      // The one connection goes on serving queries: leave no lock on it.
      close: async () => {
        await db.query("SELECT pg_advisory_unlock_all()");
      },
    }),
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    // PGlite is one process: its NOTIFY reaches the listeners of this process, on commit too.
    listen: async (channel, onPayload) => {
      const unlisten = await db.listen(channel, onPayload);
      return {
        heardOnCommit: true,
        query: async <Row>(sql: string) => (await db.query<Row>(sql)).rows,
        stop: async () => unlisten(),
      };
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries), reconnecting
 * after a lost connection; notifications sent while it was down are lost, so `onPayload("*")`
 * is called on each reconnection: the listener must assume anything changed meanwhile.
 */
async function listenOnServer(databaseUrl: string, channel: string, onPayload: (payload: string) => void): Promise<Listener> {
  let client: pg.Client | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    next.on("notification", (message) => {
      if (message.channel === channel) onPayload(message.payload ?? "");
    });
    next.on("error", () => {
      if (client === next) client = undefined;
      if (stopped) return;
      next.end().catch(() => {});
      setTimeout(() => reconnect(), 1_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    client = next;
  };
  const reconnect = (): void => {
    if (stopped) return;
    connect().then(
      () => onPayload("*"),
      () => setTimeout(() => reconnect(), 1_000).unref(),
    );
  };
  await connect();
  return {
    heardOnCommit: false,
    query: async <Row>(sql: string) => {
      if (!client) throw new DatabaseUnavailableError(describeDatabaseUrl(databaseUrl), new Error("the listening connection is reconnecting"));
      return (await client.query(sql)).rows as Row[];
    },
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
