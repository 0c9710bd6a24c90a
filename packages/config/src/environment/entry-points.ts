// One schema per entry point, composed from the pieces each one reads: a variable an entry point
// does not read is not validated by it, so a bad value of it cannot stop that process.
import { z } from "zod";
import { database, statementTimeout } from "./database.js";
import { graphqlServer, logging, publicServer, shutdown } from "./http.js";
import { costBudgetFitsOneOperation, queryLimits, rateLimits } from "./limits.js";
import { environmentReader } from "./read.js";
import { backfill, ingestLimits, sources, syncChecks, syncSchedule, syncSwitch } from "./sources.js";
import { gatewaySubgraphs, subgraphService } from "./subgraphs.js";
import { tracing } from "./tracing.js";
import { port } from "./values.js";

/** `pnpm start`: the gateway, its subgraphs in process, and the sync scheduler (which ingests). */
export const readGatewayEnvironment = environmentReader((context) =>
  costBudgetFitsOneOperation(
    z.object({
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
    }),
  ),
);

/** `pnpm start:subgraph <name>`: one subgraph as its own service. */
export const readSubgraphServiceEnvironment = environmentReader((context) =>
  z.object({ ...database, ...statementTimeout, ...logging(context), ...graphqlServer, ...subgraphService, ...shutdown, ...tracing }),
);

/** `pnpm prepare:database`: migrations and the plan. */
export const readPrepareDatabaseEnvironment = environmentReader(() => z.object(database));

/** `pnpm start:sync`: the scheduler alone. */
export const readSyncWorkerEnvironment = environmentReader((context) =>
  z.object({ ...database, ...logging(context), ...shutdown, ...sources, ...syncChecks, ...syncSchedule, ...ingestLimits }),
);

/** `pnpm ingest`. */
export const readIngestEnvironment = environmentReader(() => z.object({ ...database, ...ingestLimits }));

/** `pnpm sync`: every distribution once. */
export const readSyncEnvironment = environmentReader(() => z.object({ ...database, ...sources, ...syncChecks, ...ingestLimits }));

/** `pnpm backfill`. */
export const readBackfillEnvironment = environmentReader(() => z.object({ ...database, ...sources, ...backfill, ...ingestLimits }));

/** `pnpm bench` and the servers it starts of its own (the gateway's and subgraphs' read theirs). */
export const readBenchEnvironment = environmentReader(() => z.object({ ...database, PORT: port.optional() }));

/** The ingest's limits alone: what @hkhealth/ingest reads wherever it runs. */
export const readIngestLimitsEnvironment = environmentReader(() => z.object(ingestLimits));

export type GatewayEnvironment = ReturnType<typeof readGatewayEnvironment>;
export type SubgraphServiceEnvironment = ReturnType<typeof readSubgraphServiceEnvironment>;
export type PrepareDatabaseEnvironment = ReturnType<typeof readPrepareDatabaseEnvironment>;
export type SyncWorkerEnvironment = ReturnType<typeof readSyncWorkerEnvironment>;
export type IngestEnvironment = ReturnType<typeof readIngestEnvironment>;
export type SyncEnvironment = ReturnType<typeof readSyncEnvironment>;
export type BackfillEnvironment = ReturnType<typeof readBackfillEnvironment>;
export type BenchEnvironment = ReturnType<typeof readBenchEnvironment>;
