import { listenForGraphQL } from "./listen.js";
import { createServer, type Server } from "node:http";
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type { Store } from "@hkhealth/store";
import express, { type Express, type RequestHandler } from "express";
import type { ArgumentLimits } from "./argument-checks.js";
import type { Subgraph } from "./build-subgraph.js";
import { batchPerRequest } from "./batch-per-request.js";
import { cancelQueriesOnClose } from "./cancel-on-close.js";
import { createContext, type GraphContext } from "./context.js";
import { gracefulStop, type StopOutcome } from "./graceful-stop.js";
import { datasetReadsPlugin, recordRequestDatasetReads } from "./report-dataset-reads.js";

export interface ServeSubgraphOptions {
  readonly port: number;
  readonly host?: string;
  /** Where Apollo's own messages go (console by default). */
  readonly logger?: ApolloServerOptions<GraphContext>["logger"];
  /** More Apollo plugins (logging, metrics, the landing page). */
  readonly plugins?: readonly ApolloServerPlugin<GraphContext>[];
  /** How errors are shaped for the gateway: a lost database mapped to one code, say. */
  readonly formatError?: ApolloServerOptions<GraphContext>["formatError"];
  /** Stack traces in error responses (off unless debugging). */
  readonly includeStacktraceInErrorResponses?: boolean;
  readonly introspection?: boolean;
  /** What every argument is checked against (MAX_FILTER_LENGTH); the defaults when omitted. */
  readonly argumentLimits?: ArgumentLimits;
  /** Largest request body, in bytes (default 100 000). */
  readonly maxBodyBytes?: number;
  /** How long stop() waits for the requests accepted before cutting them (default 10 s). */
  readonly stopGracePeriodMillis?: number;
  /** Adds middleware and routes before the subgraph's own (request ids, /metrics). */
  readonly configureApp?: (app: Express) => void;
  /** Runs on each /graphql request once its body is parsed, just before Apollo. */
  readonly beforeGraphQL?: readonly RequestHandler[];
  /** Mounted last, for errors of the middleware (a body that is not JSON, say). */
  readonly errorHandler?: express.ErrorRequestHandler;
}

export interface ServedSubgraph {
  /** The subgraph's GraphQL endpoint, for the gateway's SUBGRAPH_URLS. */
  readonly url: string;
  readonly server: Server;
  /** Closes the listening socket: new connections are refused (stop() begins with it). */
  stopAccepting(): Promise<void>;
  /**
   * Stops: the listener closes at once, the requests accepted are answered (with `Connection:
   * close`), those still running after the grace period are cut and returned; the store stays open.
   */
  stop(): Promise<StopOutcome>;
}

/**
 * Runs one subgraph as its own HTTP service (distributed mode): POST /graphql with a fresh
 * context per request (the same `createContext` the in-process gateway uses), GET /health while
 * the process is up, GET /ready while the database answers (503 otherwise).
 */
export async function serveSubgraph(subgraph: Subgraph, store: Store, options: ServeSubgraphOptions): Promise<ServedSubgraph> {
  const app = express();
  app.disable("x-powered-by");
  const server = createServer(app);
  // Longer than a client keeps an idle connection (the gateway's fetch: 4 s; load balancers: 60 s),
  // so the client, not this server, closes it: no request is sent on a connection being closed.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const graceful = gracefulStop(server);
  const apollo = new ApolloServer<GraphContext>({
    schema: subgraph.schema,
    ...(options.logger && { logger: options.logger }),
    introspection: options.introspection ?? true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: options.includeStacktraceInErrorResponses ?? false,
    // The caller decides what a signal does (drain, close the store, exit).
    stopOnTerminationSignals: false,
    ...(options.formatError && { formatError: options.formatError }),
    plugins: [datasetReadsPlugin, ...(options.plugins ?? [])],
  });
  await apollo.start();

  options.configureApp?.(app);
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", subgraph: subgraph.name });
  });
  app.get("/ready", async (_request, response) => {
    if (graceful.stopping) {
      response.status(503).json({ status: "stopping", subgraph: subgraph.name });
      return;
    }
    try {
      await store.ping();
      response.json({ status: "ready", subgraph: subgraph.name, database: store.kind });
    } catch (error) {
      response.status(503).json({ status: "unavailable", subgraph: subgraph.name, error: (error as Error).message });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: options.maxBodyBytes ?? 100_000 }),
    cancelQueriesOnClose,
    batchPerRequest,
    recordRequestDatasetReads,
    ...(options.beforeGraphQL ?? []),
    expressMiddleware(apollo, { context: async () => createContext(store, options.argumentLimits) }),
  );
  if (options.errorHandler) app.use(options.errorHandler);

  const url = await listenForGraphQL(server, options.port, options.host);
  const stop = async () => {
    const outcome = await graceful.stop(options.stopGracePeriodMillis ?? 10_000);
    await apollo.stop();
    return outcome;
  };
  return { url, server, stopAccepting: graceful.stopAccepting, stop };
}
