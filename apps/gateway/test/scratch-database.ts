import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ScratchDatabase {
  /** The new database's URL, on the same server. */
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the server at `serverUrl`, for tests whose processes must share one
 * by URL (createTestStore hides it). Dropped, whoever is still connected, by drop().
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `hkhealth_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
