import { graphStoreOptions, readGatewayEnvironment } from "@hkhealth/config";
import { createStore, loadCatalogue } from "@hkhealth/store";
import { startGateway } from "../gateway.js";
import { createLogger } from "../observability/logger.js";
import { exitOnStartFailure } from "./start-failure.js";
import { gatewaySettings } from "../settings.js";
import { stopOnSignals } from "./shutdown.js";
import { buildAllSubgraphs } from "../subgraphs/subgraphs.js";
import { startSync } from "./sync.js";
import { checkSubgraphUrls } from "../subgraphs/subgraph-urls.js";
import { startTracing } from "../observability/tracing.js";

async function main(): Promise<void> {
  const environment = readGatewayEnvironment();
  const logger = createLogger(environment.LOG_LEVEL, "gateway");
  const tracing = startTracing(environment, "hkhealth-gateway");
  const subgraphs = await buildAllSubgraphs();
  const subgraphUrls = environment.SUBGRAPH_URLS;
  checkSubgraphUrls(subgraphUrls, subgraphs.map((subgraph) => subgraph.name));
  // A gateway whose every subgraph is served elsewhere needs no database of its own.
  const needsStore = subgraphs.some((subgraph) => !subgraphUrls[subgraph.name]);
  const store = needsStore ? await createStore(graphStoreOptions(environment)) : undefined;
  const catalogue = store ? await loadCatalogue(store.prisma) : undefined;
  // The gateway with a store of its own keeps it current, unless SYNC=false.
  const syncing = store !== undefined && environment.SYNC;
  const gateway = await startGateway(
    { store, subgraphs, subgraphUrls, settings: gatewaySettings(environment), logger },
    { port: environment.PORT, host: environment.HOST },
  );
  logger.info(
    {
      url: gateway.url,
      database: store?.target ?? null,
      subgraphs: Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraphUrls[subgraph.name] ?? "in-process"])),
      ...(catalogue && { catalogue }),
      sync: syncing,
    },
    `Gateway ready at ${gateway.url} (Apollo Sandbox in a browser)`,
  );
  const sync = syncing ? startSync(store, environment, logger) : undefined;
  stopOnSignals(gateway, store, logger, tracing, sync && { graceMs: environment.SHUTDOWN_GRACE_MS, stop: (graceMs) => sync.stop(graceMs) });
}

main().catch(exitOnStartFailure);
