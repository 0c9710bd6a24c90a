import { randomBytes } from "node:crypto";
import pg from "pg";
import { describeDatabaseUrl, DatabaseUnavailableError } from "./errors.js";
import { createStore, type Store } from "./store.js";

/**
 * A throw-away store for tests. With DATABASE_URL set, a fresh database is created on that
 * server (and dropped on close), so suites can run in parallel against one PostgreSQL; an
 * unreachable server fails the test rather than skipping it. Without it, in-memory PGlite.
 */
export async function createTestStore(databaseUrl = process.env.DATABASE_URL): Promise<Store> {
  if (!databaseUrl) return createStore({});
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
  const store = await createStore({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...store,
    close: async () => {
      await store.close();
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
