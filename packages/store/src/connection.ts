import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { DatabaseUnavailableError, describeDatabaseUrl } from "./errors.js";
import { boundRequestStatements } from "./query-cancellation.js";

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
  /** Runs `SELECT 1`; throws DatabaseUnavailableError when the database does not answer. */
  ping(): Promise<void>;
  /** Connections in use and idle, for metrics (PGlite has one, always). */
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.statementTimeoutMs) : openPglite(options.dataDir);
}

async function openPostgres(databaseUrl: string, poolSize: number, statementTimeoutMs: number | undefined): Promise<Connection> {
  const target = describeDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5_000 });
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
    ping,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
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
  return {
    kind: "pglite",
    target,
    adapterFactory: new PrismaPGlite(db),
    ping: async () => {
      try {
        await db.query("SELECT 1");
      } catch (error) {
        throw new DatabaseUnavailableError(target, error);
      }
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
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
 * Takes `<dataDir>.lock`, holding this process's id, so that a second process (`pnpm ingest`
 * while the gateway runs) fails clearly instead of opening the same folder: PGlite is one
 * Postgres in one process, and two writers corrupt it. A lock left by a process that no longer
 * runs is replaced. Returns the function that releases it.
 */
function lockDataDir(dataDir: string, target: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  // A second attempt after removing a stale lock; a third only if another process raced us.
  for (let attempt = 1; ; attempt++) {
    try {
      const descriptor = openSync(lockFile, "wx");
      try {
        writeSync(descriptor, String(process.pid));
      } finally {
        closeSync(descriptor);
      }
      return () => {
        if (lockHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new DatabaseUnavailableError(target, error);
    }
    const holder = lockHolder(lockFile);
    if ((holder !== undefined && isRunning(holder)) || attempt === 3) {
      const who = holder === undefined ? "another process" : holder === process.pid ? `this process (${holder})` : `process ${holder}`;
      throw new DatabaseUnavailableError(
        target,
        `the folder is in use by ${who} (${lockFile}); stop it, or set DATABASE_URL to use a PostgreSQL server`,
      );
    }
    rmSync(lockFile, { force: true }); // stale: its process has ended
  }
}

/** The process id in a lock file; undefined when it is gone or holds no id. */
function lockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(lockFile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks existence without signalling
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
