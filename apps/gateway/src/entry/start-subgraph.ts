// `pnpm start:subgraph <name>`: one subgraph as its own HTTP service, for a gateway (ours with
// SUBGRAPH_URLS, Apollo Router, Hive Gateway) to call. Port: SUBGRAPH_PORT, else the subgraph's own.
import { graphStoreOptions, readSubgraphServiceEnvironment } from "@hkhealth/config";
import { createStore, isStoreOpeningError, loadCatalogue, type Store } from "@hkhealth/store";
import { serveSubgraph } from "@hkhealth/subgraph-kit";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { createErrorFormatter } from "../errors/format-error.js";
import { httpErrorHandler } from "../http/http-errors.js";
import { createLogger } from "../observability/logger.js";
import { createMetrics } from "../observability/metrics.js";
import { observeRequests } from "../observability/observe-requests.js";
import { operationObserverPlugin } from "../observability/operation-observer-plugin.js";
import { bindObservation } from "../observability/request-observation.js";
import { operationSpanPlugin, traceRequests } from "../observability/request-spans.js";
import { stopOnSignals } from "./shutdown.js";
import { subgraphBuilders } from "../subgraphs/subgraphs.js";
import { subgraphPorts } from "../subgraphs/subgraph-ports.js";
import { startTracing } from "../observability/tracing.js";

class CatalogueMissingError extends Error {}

async function expectCatalogue(store: Store): Promise<void> {
  const datasets = await store.prisma.dataset.count().catch(() => 0);
  if (datasets === 0) {
    await store.close();
    throw new CatalogueMissingError(
      `The database at ${store.target} has no plan loaded: run \`pnpm prepare:database\` against it once, then start the subgraphs`,
    );
  }
}

async function main(name: string | undefined): Promise<number> {
  const names = Object.keys(subgraphBuilders);
  if (!name || !names.includes(name)) {
    console.error(`Usage: pnpm start:subgraph <name>, with a name among: ${names.join(", ")}`);
    return 2;
  }
  const environment = readSubgraphServiceEnvironment();
  const logger = createLogger(environment.LOG_LEVEL, `subgraph:${name}`);
  const tracing = startTracing(environment, `hkhealth-subgraph-${name}`);
  // Only the schema it serves: a fifth of the start time and memory of building all five.
  const subgraph = await subgraphBuilders[name]!();
  // On a PostgreSQL server the services share one database, migrated and loaded once beforehand
  // (`pnpm prepare:database`): a deploy step, not a service starting, decides when the schema
  // changes. A PGlite folder is this service's alone: it migrates and loads it itself.
  const shared = environment.DATABASE_URL !== undefined;
  const store = await createStore({ ...graphStoreOptions(environment), migrate: !shared });
  if (shared) await expectCatalogue(store);
  else await loadCatalogue(store.prisma);
  const metrics = createMetrics({ poolStats: () => store.poolStats() });
  const served = await serveSubgraph(subgraph, store, {
    port: environment.SUBGRAPH_PORT ?? subgraphPorts[name]!,
    logger,
    host: environment.HOST,
    introspection: environment.INTROSPECTION,
    includeStacktraceInErrorResponses: environment.DEBUG_ERRORS,
    formatError: createErrorFormatter({
      databaseTarget: store.target,
      statementTimeoutMs: environment.STATEMENT_TIMEOUT_MS,
      debug: environment.DEBUG_ERRORS,
      logger,
    }),
    argumentLimits: { maxFilterLength: environment.MAX_FILTER_LENGTH },
    // Only the gateway is meant to call a subgraph: no Sandbox here.
    plugins: [operationObserverPlugin, operationSpanPlugin, ApolloServerPluginLandingPageDisabled()],
    maxBodyBytes: environment.MAX_BODY_BYTES,
    stopGracePeriodMillis: environment.SHUTDOWN_GRACE_MS,
    configureApp: (app) => {
      app.get("/metrics", metrics.handler);
      app.use("/graphql", observeRequests(logger, metrics));
    },
    beforeGraphQL: [bindObservation, traceRequests],
    errorHandler: httpErrorHandler({ maxBodyBytes: environment.MAX_BODY_BYTES, logger }),
  });
  logger.info({ subgraph: name, url: served.url, database: store.target }, `Subgraph ${name} ready at ${served.url}`);
  stopOnSignals(served, store, logger, tracing);
  return 0;
}

main(process.argv[2]).then(
  (status) => {
    if (status !== 0) process.exit(status);
  },
  (error: unknown) => {
    const known = isStoreOpeningError(error) || error instanceof CatalogueMissingError;
    if (known || (error instanceof Error && error.message.startsWith("Invalid environment"))) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
