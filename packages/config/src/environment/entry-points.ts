// One schema per entry point, composed from the pieces each one reads: a variable an entry point
// does not read is not validated by it, so a bad value of it cannot stop that process.
import { z } from "zod";
import { allowListHasManifest, persistedQueries, redisStoreHasUrl, responseCache } from "./caching.js";
import { database, statementTimeout } from "./database.js";
import { graphqlServer, logging, publicServer, shutdown } from "./http.js";
import { costBudgetFitsOneOperation, queryLimits, rateLimits } from "./limits.js";
import { environmentReader } from "./read.js";
import { backfill, ingestLimits, sources, syncChecks, syncSchedule, syncSwitch } from "./sources.js";
import { gatewaySubgraphs, subgraphService } from "./subgraphs.js";
import { tracing } from "./tracing.js";
import { port, type DefaultsContext } from "./values.js";

/** By the `pnpm` command that starts each entry point. */
const schemas = {
  /** `pnpm start`: the gateway, its subgraphs in process, and the sync scheduler (which ingests). */
  start: (context: DefaultsContext) =>
    z
      .object({
        ...database,
        ...statementTimeout,
        ...logging(context),
        ...graphqlServer,
        ...publicServer,
        ...shutdown,
        ...queryLimits,
        ...rateLimits,
        ...gatewaySubgraphs,
        ...tracing,
        ...syncSwitch(context),
        ...sources,
        ...syncChecks,
        ...syncSchedule,
        ...ingestLimits,
        ...responseCache(context),
        ...persistedQueries,
      })
      .refine(costBudgetFitsOneOperation.check, costBudgetFitsOneOperation.options)
      .refine(allowListHasManifest.check, allowListHasManifest.options)
      .refine(redisStoreHasUrl.check, redisStoreHasUrl.options),
  /** `pnpm start:subgraph <name>`: one subgraph as its own service. */
  "start:subgraph": (context: DefaultsContext) =>
    z.object({ ...database, ...statementTimeout, ...logging(context), ...graphqlServer, ...subgraphService, ...shutdown, ...tracing }),
  /** `pnpm prepare:database`: migrations and the plan. */
  "prepare:database": () => z.object(database),
  /** `pnpm start:sync`: the scheduler alone. */
  "start:sync": (context: DefaultsContext) =>
    z.object({ ...database, ...logging(context), ...shutdown, ...sources, ...syncChecks, ...syncSchedule, ...ingestLimits }),
  /** `pnpm ingest`. */
  ingest: () => z.object({ ...database, ...ingestLimits }),
  /** `pnpm sync`: every distribution once. */
  sync: () => z.object({ ...database, ...sources, ...syncChecks, ...ingestLimits }),
  /** `pnpm backfill`. */
  backfill: () => z.object({ ...database, ...sources, ...backfill, ...ingestLimits }),
  /** `pnpm bench` and the servers it starts of its own (the gateway's and subgraphs' read theirs). */
  bench: () => z.object({ ...database, PORT: port.optional() }),
};

export type EntryPoint = keyof typeof schemas;

export const entryPoints = Object.keys(schemas) as EntryPoint[];

/** The variables an entry point reads (the README's settings tables say the same). */
export function variablesReadBy(entryPoint: EntryPoint): string[] {
  return Object.keys(schemas[entryPoint]({ quiet: false }).shape);
}

export const readGatewayEnvironment = environmentReader(schemas.start);
export const readSubgraphServiceEnvironment = environmentReader(schemas["start:subgraph"]);
export const readPrepareDatabaseEnvironment = environmentReader(schemas["prepare:database"]);
export const readSyncWorkerEnvironment = environmentReader(schemas["start:sync"]);
export const readIngestEnvironment = environmentReader(schemas.ingest);
export const readSyncEnvironment = environmentReader(schemas.sync);
export const readBackfillEnvironment = environmentReader(schemas.backfill);
export const readBenchEnvironment = environmentReader(schemas.bench);
/** The ingest's limits alone: what @hkhealth/ingest reads wherever it runs (each entry point that ingests validates them too). */
export const readIngestLimitsEnvironment = environmentReader(() => z.object(ingestLimits));

export type GatewayEnvironment = ReturnType<typeof readGatewayEnvironment>;
export type SubgraphServiceEnvironment = ReturnType<typeof readSubgraphServiceEnvironment>;
export type PrepareDatabaseEnvironment = ReturnType<typeof readPrepareDatabaseEnvironment>;
export type SyncWorkerEnvironment = ReturnType<typeof readSyncWorkerEnvironment>;
export type IngestEnvironment = ReturnType<typeof readIngestEnvironment>;
export type SyncEnvironment = ReturnType<typeof readSyncEnvironment>;
export type BackfillEnvironment = ReturnType<typeof readBackfillEnvironment>;
export type BenchEnvironment = ReturnType<typeof readBenchEnvironment>;
