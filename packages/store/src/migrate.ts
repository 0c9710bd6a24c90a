import type { Connection, MigrationSession } from "./connection.js";
import { MigrationError } from "./errors.js";
import { migrations as embeddedMigrations } from "./generated/migrations.js";
import { applyMigrations, type Migration } from "./schema-engine.js";

/** The session-level advisory lock Prisma's schema engine takes to migrate (`pg_advisory_lock(72707369)`). */
export const MIGRATION_LOCK_ID = 72707369;
/** How often a process waiting for another's migration looks again. */
const LOCK_POLL_MS = 250;

export interface MigrateOptions {
  /** Longest wait for another process's migration (default 5 minutes). */
  readonly waitMs?: number | undefined;
  /** Told once when this process has to wait for another's migration. */
  readonly onWait?: ((message: string) => void) | undefined;
  readonly migrations?: readonly Migration[];
}

/**
 * Applies the migrations the database lacks, and only then runs the schema engine: a database
 * that already records every migration as finished is left alone, without taking any lock, so
 * any number of gateways and ingests open it side by side. When migrations are missing, the
 * engine runs on a session of its own, closed afterwards (its advisory lock goes with it, never
 * kept by a query connection), after waiting its turn behind another process that migrates.
 * Any failure is a MigrationError of one line.
 */
export async function migrate(connection: Connection, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? embeddedMigrations;
  const waitMs = options.waitMs ?? 300_000;
  let session: MigrationSession | undefined;
  try {
    session = await connection.openMigrationSession();
    if (await isUpToDate(session, migrations)) return [];
    await takeMigrationLock(session, connection.target, waitMs, options.onWait);
    // Whoever held the lock may have applied them all.
    if (await isUpToDate(session, migrations)) return [];
    return await applyMigrations(session.adapterFactory, migrations);
  } catch (error) {
    throw error instanceof MigrationError ? error : new MigrationError(connection.target, error);
  } finally {
    await session?.close().catch(() => {});
  }
}

/** Whether `_prisma_migrations` records every migration as finished (and not rolled back). */
async function isUpToDate(session: MigrationSession, migrations: readonly Migration[]): Promise<boolean> {
  const [table] = await session.query<{ present: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!table?.present) return migrations.length === 0;
  const finished = await session.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const names = new Set(finished.map((row) => row.name));
  return migrations.every((migration) => names.has(migration.name));
}

/**
 * Takes the engine's lock on the session, so that the engine, on the same session, gets it at
 * once (a session's advisory locks stack) instead of failing after its own 10-second wait.
 */
async function takeMigrationLock(session: MigrationSession, target: string, waitMs: number, onWait: MigrateOptions["onWait"]): Promise<void> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const [row] = await session.query<{ taken: boolean }>(`SELECT pg_try_advisory_lock(${MIGRATION_LOCK_ID}) AS taken`);
    if (row?.taken) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        target,
        `another process has been migrating it for longer than ${Math.round(waitMs / 1000)} s (MIGRATION_WAIT_MS); try again when it has finished`,
      );
    }
    if (!told) {
      onWait?.(`Waiting for another process to finish migrating the database at ${target}…`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}
