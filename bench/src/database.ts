import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeDatabaseUrl } from "@hkhealth/store";
import pg from "pg";

/** Where the benchmark's store lives, as the servers it starts open it. */
export type BenchDatabase =
  | { readonly kind: "pglite"; readonly dataDir: string; readonly description: string; drop(): Promise<void> }
  | { readonly kind: "postgres"; readonly url: string; readonly description: string; drop(): Promise<void> };

const databaseName = /^[a-z_][a-z0-9_]*$/;

/**
 * PGlite in a fresh temporary folder, or a database of its own on the PostgreSQL server at
 * `serverUrl` (created anew, so the tables of the database the URL names are never touched).
 */
export async function openBenchDatabase(serverUrl: string | undefined, name: string, keep: boolean): Promise<BenchDatabase> {
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-bench-pglite-"));
    return {
      kind: "pglite",
      dataDir,
      description: `PGlite at ${dataDir}`,
      drop: async () => {
        if (keep) return;
        rmSync(dataDir, { recursive: true, force: true });
        // The store's lock beside the folder, left behind when a server was killed rather than stopped.
        rmSync(`${dataDir}.lock`, { force: true });
      },
    };
  }
  if (!databaseName.test(name)) throw new Error(`--database must be a plain lowercase name, got ${JSON.stringify(name)}`);
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: url.toString(),
    description: `PostgreSQL ${describeDatabaseUrl(url.toString())}`,
    drop: async () => {
      if (!keep) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The server's version line, for the report. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ version: string }>("SELECT version()");
    return result.rows[0]?.version ?? "unknown";
  } finally {
    await client.end();
  }
}
