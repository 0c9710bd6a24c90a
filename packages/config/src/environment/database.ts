import { resolve } from "node:path";
import { z } from "zod";
import { count } from "./values.js";

/** The repository root, where the default PGlite data folder lives. */
const repositoryRoot = resolve(import.meta.dirname, "../../../..");

/** Where the store is: every entry point that opens one. */
export const database = {
  /** A PostgreSQL server; without it the gateway runs on embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  /** PGlite's data folder (ignored with DATABASE_URL). */
  PGLITE_DATA_DIR: z.string().min(1).default(resolve(repositoryRoot, ".data/pglite")),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long opening the database waits for another process's migration before giving up. */
  MIGRATION_WAIT_MS: count(300_000, 0, 3_600_000),
};

/** The graph's statements (gateway, subgraph services); never an ingest's. */
export const statementTimeout = {
  /** Longest one SQL statement of the graph may run (PostgreSQL's statement_timeout; 0: none). */
  STATEMENT_TIMEOUT_MS: count(5_000, 0, 3_600_000),
};

export type DatabaseEnvironment = z.output<z.ZodObject<typeof database>>;
export type StatementTimeoutEnvironment = z.output<z.ZodObject<typeof statementTimeout>>;

/** The store settings of an environment, as `createStore` takes them. */
export function storeOptions(environment: DatabaseEnvironment) {
  return {
    databaseUrl: environment.DATABASE_URL,
    dataDir: environment.PGLITE_DATA_DIR,
    poolSize: environment.DATABASE_POOL_SIZE,
    migrationWaitMs: environment.MIGRATION_WAIT_MS,
  };
}

/** The store settings of the graph (gateway, subgraph services): statements bounded by STATEMENT_TIMEOUT_MS. */
export function graphStoreOptions(environment: DatabaseEnvironment & StatementTimeoutEnvironment) {
  return { ...storeOptions(environment), statementTimeoutMs: environment.STATEMENT_TIMEOUT_MS || undefined };
}
