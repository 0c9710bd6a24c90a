// `pnpm start:sync`: the sync scheduler alone, a worker beside subgraph services (or beside
// gateways run with SYNC=false). Several workers and gateways on one PostgreSQL server share the
// work through DistributionSync's claims: each file is fetched once per period. SIGTERM ends the
// checks running (rolled back after SHUTDOWN_GRACE_MS) and exits 0.
import { readSyncWorkerEnvironment, storeOptions } from "@hkhealth/config";
import { createStore, loadCatalogue } from "@hkhealth/store";
import { createLogger } from "../observability/logger.js";
import { exitOnStartFailure } from "./start-failure.js";
import { stopOnSignals } from "./shutdown.js";
import { startSync } from "./sync.js";

async function main(): Promise<void> {
  const environment = readSyncWorkerEnvironment();
  const logger = createLogger(environment.LOG_LEVEL, "sync");
  // Ingests are not GraphQL requests: the store's statements keep no statement timeout.
  const store = await createStore(storeOptions(environment));
  await loadCatalogue(store.prisma); // writes nothing once loaded
  const sync = startSync(store, environment, logger);
  logger.info({ database: store.target }, `Sync worker ready on ${store.target}`);
  stopOnSignals(undefined, store, logger, undefined, { graceMs: environment.SHUTDOWN_GRACE_MS, stop: (graceMs) => sync.stop(graceMs) });
}

main().catch(exitOnStartFailure);
