import { createServer, type Server } from "node:http";
import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import type { Store } from "@hkhealth/store";
import { batchPerRequest, cancelQueriesOnClose, createContext, gracefulStop, type GraphContext, type StopOutcome, type Subgraph, listenForGraphQL } from "@hkhealth/subgraph-kit";
import cors from "cors";
import express from "express";
import { disableApolloTelemetry } from "./subgraphs/apollo-telemetry.js";
import { refuseOversizedBatches } from "./limits/batch-size.js";
import { answerClientErrors } from "./http/client-errors.js";
import { refuseOversizedDocuments } from "./limits/document-size.js";
import { createErrorFormatter } from "./errors/format-error.js";
import { healthRoutes } from "./http/health.js";
import { httpErrorHandler } from "./http/http-errors.js";
import { silentLogger, type Logger } from "./observability/logger.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { observeRequests } from "./observability/observe-requests.js";
import { operationObserverPlugin } from "./observability/operation-observer-plugin.js";
import { operationResolutionPlugin } from "./checks/operation-resolution-plugin.js";
import { refuseBadPersistedQueries } from "./checks/persisted-query.js";
import { operationSpanPlugin, traceRequests } from "./observability/request-spans.js";
import { queryLimitProtections } from "./limits/query-limits.js";
import { createRateLimiting, type ClientContext } from "./rate-limits/rate-limits.js";
import { clientKey } from "./rate-limits/request-rate-limit.js";
import { REQUEST_ID_HEADER } from "./observability/request-id.js";
import { scalarArgumentsPlugin } from "./checks/scalar-arguments.js";
import { bindObservation } from "./observability/request-observation.js";
import { defaultGatewaySettings, type GatewaySettings } from "./settings.js";
import { dataSourceFor, type SubgraphDataSource } from "./subgraphs/subgraph-data-sources.js";
import { recordsCsvRoute } from "./web/records-csv.js";
import { webAppRoutes } from "./web/web-app.js";
import { checkSubgraphUrls } from "./subgraphs/subgraph-urls.js";
import { supergraphSdlFor } from "./subgraphs/committed-supergraph.js";
import { persistedQueriesOnly } from "./persisted-queries/allow-list.js";
import { createResponseCache, type ResponseCacheContext } from "./cache/response-cache.js";
import { refuseDeepVariables } from "./limits/variable-depth.js";

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]["queryPlan"];
export type { QueryPlan };

/** What resolvers of in-process subgraphs receive (empty when every subgraph is served elsewhere), and whose budget the request spends. */
export type GatewayContext = Partial<GraphContext> & ClientContext & ResponseCacheContext;

export interface GatewayOptions {
  /** The database of the in-process subgraphs; not needed when every subgraph is served elsewhere. */
  readonly store?: Store;
  /** Every subgraph of the supergraph: composed here, run in-process unless in `subgraphUrls`. */
  readonly subgraphs: readonly Subgraph[];
  /** Subgraphs served as their own services (distributed mode), by name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Limits, exposure and timeouts; the defaults of the environment's variables when omitted. */
  readonly settings?: GatewaySettings;
  /** Where request logs go; nowhere when omitted. */
  readonly logger?: Logger;
  /** The web app's build served at /; apps/web/dist by default. */
  readonly webAppDir?: string;
  /** Called with each operation's query plan (tests use it to see which subgraphs a query crosses). */
  readonly onQueryPlan?: (queryPlan: QueryPlan) => void;
}

export interface RunningGateway {
  readonly url: string;
  readonly server: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly metrics: Metrics;
  /** Closes the listening socket: new connections are refused (stop() begins with it). */
  stopAccepting(): Promise<void>;
  /**
   * Stops: the listener closes at once, the requests accepted are answered (with `Connection:
   * close`), those still running after SHUTDOWN_GRACE_MS are cut and returned; then Apollo and
   * the connections to subgraph services close (the store stays open).
   */
  stop(): Promise<StopOutcome>;
}

/** Response headers browsers may read: the request id, and the rate limits' (RateLimit-*, Retry-After). */
const exposedHeaders = [REQUEST_ID_HEADER, "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After"];

function corsOptions(origins: GatewaySettings["corsOrigins"]): cors.CorsOptions {
  return { origin: origins === "*" ? "*" : [...origins], exposedHeaders, maxAge: 600 };
}

/**
 * The gateway: composes the subgraphs, runs each in-process or over HTTP when it is served on
 * its own (identical fetches in flight at once share one), and serves /graphql (Apollo Sandbox
 * on GET from a browser), /health, /ready and /metrics, with the limits of `settings` on every
 * request.
 */
export async function startGateway(options: GatewayOptions, listen: { port: number; host?: string }): Promise<RunningGateway> {
  const { store, subgraphs, subgraphUrls = {}, settings = defaultGatewaySettings, logger = silentLogger } = options;
  checkSubgraphUrls(subgraphUrls, subgraphs.map((subgraph) => subgraph.name));
  const inProcess = subgraphs.filter((subgraph) => !subgraphUrls[subgraph.name]);
  if (inProcess.length > 0 && !store) {
    throw new Error(`A store is needed for the subgraphs run in-process: ${inProcess.map((subgraph) => subgraph.name).join(", ")}`);
  }

  const metrics = createMetrics(store ? { poolStats: () => store.poolStats() } : {});
  const subgraphByName = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const dataSources: SubgraphDataSource[] = [];
  disableApolloTelemetry();
  const supergraphSdl = await supergraphSdlFor(subgraphs);
  // Invalidation needs the database's change notices: without a store (every subgraph remote), no cache.
  const responseCache =
    settings.cache.enabled && store ? await createResponseCache({ settings: settings.cache, store, supergraphSdl, metrics, logger }) : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const subgraph = subgraphByName.get(name);
      if (!subgraph) throw new Error(`No subgraph named ${name}`);
      const dataSource = dataSourceFor(subgraph, {
        subgraphUrls,
        timeoutMs: settings.subgraphTimeoutMs,
        shareFetches: settings.shareSubgraphFetches,
        metrics,
      });
      dataSources.push(dataSource);
      return dataSource.source;
    },
    logger,
    ...(options.onQueryPlan && {
      experimental_didResolveQueryPlan: ({ queryPlan }) => options.onQueryPlan?.(queryPlan),
    }),
  });

  const app = express();
  app.disable("x-powered-by");
  // Which hops of X-Forwarded-For name the client (request.ip): none unless TRUST_PROXY says.
  app.set("trust proxy", typeof settings.trustProxy === "object" ? [...settings.trustProxy] : settings.trustProxy);
  const { only, manifestPath } = settings.persistedQueries;
  if (only && !manifestPath) throw new Error("PERSISTED_QUERIES_ONLY=true needs PERSISTED_QUERIES_MANIFEST, the path of the manifest of allowed operations");
  const allowList = only && manifestPath ? await persistedQueriesOnly(manifestPath) : undefined;
  const rateLimiting = await createRateLimiting(settings.rateLimits, { logger, metrics });
  const server = createServer(
    {
      // A request (headers and body) that does not arrive whole in time gets 408 and its connection
      // closed, checked every second: a Content-Length larger than the body would hold it forever.
      requestTimeout: settings.requestTimeoutMs,
      headersTimeout: settings.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, settings.requestTimeoutMs),
    },
    app,
  );
  // Longer than load balancers keep idle connections (60 s): they, not we, close them.
  server.keepAliveTimeout = 65_000;
  answerClientErrors(server, { requestTimeoutMs: settings.requestTimeoutMs, logger });
  const graceful = gracefulStop(server);
  const protections = queryLimitProtections(settings.limits, {
    maskSuggestions: !settings.introspection,
    spendCost: rateLimiting.spendCost,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: settings.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: settings.allowBatchedRequests,
    includeStacktraceInErrorResponses: settings.debugErrors,
    // main.ts handles SIGTERM: drain, then close the store, then exit 0.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter({
      databaseTarget: store?.target,
      statementTimeoutMs: settings.statementTimeoutMs,
      debug: settings.debugErrors,
      logger,
    }),
    validationRules: protections.validationRules,
    plugins: [
      settings.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      operationObserverPlugin,
      operationSpanPlugin,
      operationResolutionPlugin,
      ...protections.plugins,
      scalarArgumentsPlugin(subgraphs),
      ...(responseCache ? [responseCache.plugin] : []),
    ],
  });
  await apollo.start();

  const contextFor = async (req: express.Request): Promise<GatewayContext> => ({
    ...(store && createContext(store, { maxFilterLength: settings.maxFilterLength })),
    clientKey: clientKey(req),
  });
  app.use(healthRoutes(store, () => graceful.stopping));
  app.get("/metrics", metrics.handler);
  app.use(
    "/graphql",
    observeRequests(logger, metrics),
    cors(corsOptions(settings.corsOrigins)),
    ...(rateLimiting.requests ? [rateLimiting.requests] : []),
    express.json({ limit: settings.limits.MAX_BODY_BYTES }),
    ...(allowList ? [allowList] : []),
    // Before the checks of the document: an answer is only kept for a request (the same document
    // and variables) that passed them, so a hit needs no lexing of its document again.
    ...(responseCache ? [responseCache.serveCached] : []),
    refuseOversizedDocuments(settings.limits),
    refuseDeepVariables(settings.limits),
    refuseBadPersistedQueries,
    ...(settings.allowBatchedRequests ? [refuseOversizedBatches(settings.limits)] : []),
    cancelQueriesOnClose,
    batchPerRequest,
    bindObservation,
    traceRequests,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => ({ ...(await contextFor(req)), ...responseCache?.contextFor(res) }),
    }),
  );
  app.use("/datasets", observeRequests(logger, metrics), ...(rateLimiting.requests ? [rateLimiting.requests] : []), cancelQueriesOnClose, recordsCsvRoute(apollo, contextFor));
  app.use(webAppRoutes(options.webAppDir));
  app.use(httpErrorHandler({ maxBodyBytes: settings.limits.MAX_BODY_BYTES, logger }));

  const url = await listenForGraphQL(server, listen.port, listen.host);
  return {
    url,
    server,
    apollo,
    metrics,
    stopAccepting: graceful.stopAccepting,
    stop: async () => {
      const outcome = await graceful.stop(settings.shutdownGraceMs);
      await apollo.stop();
      await Promise.all(dataSources.map((dataSource) => dataSource.close()));
      await rateLimiting.close();
      await responseCache?.close();
      return outcome;
    },
  };
}
