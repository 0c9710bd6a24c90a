import { PrismaClient } from "./generated/prisma/client.js";
import { openConnection, type Connection, type ConnectionOptions } from "./connection.js";
import { DATA_CHANGES_CHANNEL, watchDataChanges, type DataChangeWatch } from "./data-changes.js";
import { migrate } from "./migrate.js";
import { buildMissingTypedTables } from "./records/typed-table.js";
import type { RecordTransactionRunner } from "./record-transactions.js";
import { loggedAdapterFactory, SqlLog } from "./sql-log.js";

export interface StoreOptions extends ConnectionOptions {
  /** Apply missing migrations on open (default true). */
  readonly migrate?: boolean;
  /** Longest wait for another process's migration, in ms (default 5 minutes). */
  readonly migrationWaitMs?: number | undefined;
  /** Told when opening waits for another process's migration (default: a line on stderr). */
  readonly onMigrationWait?: ((message: string) => void) | undefined;
}

/** An open database with its Prisma client. Create one per process and share it. */
export interface Store {
  readonly prisma: PrismaClient;
  readonly kind: Connection["kind"];
  readonly target: string;
  /** Every SQL statement sent through `prisma`. */
  readonly sqlLog: SqlLog;
  /**
   * Runs a transaction of `prisma` (this store's client, or one wrapping it) that writes a file's
   * records: COPY FROM STDIN on the transaction's own connection on PostgreSQL, batched INSERTs on PGlite.
   */
  readonly recordTransaction: RecordTransactionRunner;
  /** Names of the migrations applied when this store opened. */
  readonly appliedMigrations: readonly string[];
  ping(): Promise<void>;
  poolStats(): ReturnType<Connection["poolStats"]>;
  /**
   * Calls `onChange` with the dataset id (or CATALOGUE_CHANGED) of each committed change, and
   * reads the data's versions exactly: see data-changes.ts.
   */
  watchDataChanges(onChange: (change: string) => void): Promise<DataChangeWatch>;
  close(): Promise<void>;
}

/**
 * Opens the store: PostgreSQL at `databaseUrl` when given, embedded PGlite otherwise, with
 * migrations applied. Fails with DatabaseUnavailableError naming the host (never the
 * password) when the database cannot be reached, MigrationError when it cannot be migrated.
 */
export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const connection = await openConnection(options);
  try {
    const appliedMigrations =
      options.migrate === false
        ? []
        : await migrate(connection, {
            waitMs: options.migrationWaitMs,
            onWait: options.onMigrationWait ?? ((message) => process.stderr.write(`${message}\n`)),
          });
    const sqlLog = new SqlLog();
    const prisma = new PrismaClient({ adapter: loggedAdapterFactory(connection.adapterFactory, sqlLog) });
    if (options.migrate !== false) await buildMissingTypedTables(prisma);
    return {
      prisma,
      kind: connection.kind,
      target: connection.target,
      sqlLog,
      appliedMigrations,
      recordTransaction: connection.recordTransaction(sqlLog),
      ping: () => connection.ping(),
      poolStats: () => connection.poolStats(),
      watchDataChanges: (onChange) => watchDataChanges((onPayload) => connection.listen(DATA_CHANGES_CHANNEL, onPayload), onChange),
      close: async () => {
        await prisma.$disconnect();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close().catch(() => {});
    throw error;
  }
}
