import { randomBytes } from "node:crypto";
import pg from "pg";
import { describeDatabaseUrl, DatabaseUnavailableError } from "./errors.js";
import { createStore, type Store } from "./store.js";

/** An empty database of its own on a server, for a test; `drop` removes it. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the server at `databaseUrl`, named so that parallel suites never meet. */
export async function createTestDatabase(databaseUrl: string): Promise<TestDatabase> {
  const name = `hkhealth_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    throw new DatabaseUnavailableError(describeDatabaseUrl(databaseUrl), error);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

/**
 * A throw-away store for tests. With DATABASE_URL set, a fresh database is created on that
 * server (and dropped on close), so suites can run in parallel against one PostgreSQL; an
 * unreachable server fails the test rather than skipping it. Without it, in-memory PGlite.
 */
export async function createTestStore(databaseUrl = process.env.DATABASE_URL): Promise<Store> {
  if (!databaseUrl) return createStore({});
  const database = await createTestDatabase(databaseUrl);
  const store = await createStore({ databaseUrl: database.url, poolSize: 4 }).catch(async (error: unknown) => {
    await database.drop().catch(() => {});
    throw error;
  });
  return {
    ...store,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}
