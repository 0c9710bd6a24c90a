import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { createStore, loadCatalogue, MigrationError, type Store } from "../src/index.js";
import { MIGRATION_LOCK_ID } from "../src/migrate.js";
import { createTestDatabase, type TestDatabase } from "../src/testing.js";

const serverUrl = process.env.DATABASE_URL;
const opened: Store[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function freshDatabase(): Promise<string> {
  const database = await createTestDatabase(serverUrl!);
  databases.push(database);
  return database.url;
}

async function open(databaseUrl: string, options: Parameters<typeof createStore>[0] = {}): Promise<Store> {
  const store = await createStore({ databaseUrl, poolSize: 2, onMigrationWait: () => {}, ...options });
  opened.push(store);
  return store;
}

/** A session of its own on the database, as another process would have. */
async function otherSession(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Sessions holding the schema engine's migration lock. */
async function migrationLockHolders(databaseUrl: string): Promise<number> {
  const client = await otherSession(databaseUrl);
  try {
    const { rows } = await client.query<{ holders: number }>(
      `SELECT count(*)::int AS holders FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [MIGRATION_LOCK_ID],
    );
    return rows[0]!.holders;
  } finally {
    await client.end();
  }
}

// Opening stores starts Prisma's schema engine: slow on a busy machine.
describe.runIf(serverUrl)("migrations with several processes on one PostgreSQL database", { timeout: 180_000 }, () => {
  it("lets two gateways started at once on a fresh database both start: migrated once, the plan loaded once", async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([open(url), open(url)]);
    const loads = await Promise.all([loadCatalogue(first.prisma), loadCatalogue(second.prisma)]);
    expect(loads.map((load) => load.written).sort((a, b) => a - b)).toEqual([0, 3 + 26 + 31]);
    expect([...first.appliedMigrations, ...second.appliedMigrations].sort()).toEqual(
      (first.appliedMigrations.length > 0 ? first : second).appliedMigrations.slice().sort(),
    );
    expect(first.appliedMigrations.length + second.appliedMigrations.length).toBeGreaterThan(0);
    expect(await second.prisma.dataset.count()).toBe(26);
  });

  it("keeps no migration lock once open, so another store opens while the first serves queries", async () => {
    const url = await freshDatabase();
    const gateway = await open(url);
    expect(gateway.appliedMigrations.length).toBeGreaterThan(0);
    // Queries on every pooled connection, as under traffic.
    await Promise.all(Array.from({ length: 6 }, () => gateway.prisma.$queryRawUnsafe("SELECT 1 AS one FROM pg_sleep(0.05)")));
    expect(await migrationLockHolders(url)).toBe(0);
    const ingest = await open(url, { migrationWaitMs: 2_000 });
    expect(ingest.appliedMigrations).toEqual([]);
    expect(await migrationLockHolders(url)).toBe(0);
  });

  it("waits, saying so, while another process migrates, then finds the migrations applied or applies them", async () => {
    const url = await freshDatabase();
    const other = await otherSession(url);
    try {
      await other.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`);
      const told: string[] = [];
      let waitStarted: () => void;
      const waiting = new Promise<void>((resolve) => (waitStarted = resolve));
      const opening = open(url, {
        onMigrationWait: (message) => {
          told.push(message);
          waitStarted();
        },
      });
      await waiting;
      await other.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
      const store = await opening;
      expect(told).toEqual([expect.stringMatching(/^Waiting for another process to finish migrating the database at postgres:\/\/[^@]+$/)]);
      expect(store.appliedMigrations.length).toBeGreaterThan(0);
    } finally {
      await other.end();
    }
  });

  it("gives up after MIGRATION_WAIT_MS with one line naming the database and the setting", async () => {
    const url = await freshDatabase();
    const other = await otherSession(url);
    try {
      await other.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_ID})`);
      const opening = open(url, { migrationWaitMs: 500 });
      await expect(opening).rejects.toBeInstanceOf(MigrationError);
      const message = (await opening.catch((error: Error) => error)) as Error;
      expect(message.message).toMatch(/^Cannot migrate the database at postgres:\/\/127\.0\.0\.1:5432\/hkhealth_test_\w+: another process has been migrating it for longer than 1 s \(MIGRATION_WAIT_MS\)/);
      expect(message.message).not.toContain("\n");
    } finally {
      await other.end();
    }
  });
});
