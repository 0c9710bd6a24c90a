import { listenForGraphQL } from "./listen.js";
import { createServer, type Server } from "node:http";
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import type { Store } from "@hkhealth/store";
import express, { type Express, type RequestHandler } from "express";
import type { ArgumentLimits } from "./argument-checks.js";
import type { Subgraph } from "./build-subgraph.js";
import { cancelQueriesOnClose } from "./cancel-on-close.js";
import { createContext, type GraphContext } from "./context.js";

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
  /** How long stop() waits for requests in flight before closing their connections (default 10 s). */
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
  /**
   * Stops: /ready fails at once, the requests already sent are answered, then the listening
   * socket and idle connections close and the requests in flight finish (the store stays open).
   */
  stop(): Promise<void>;
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
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: options.stopGracePeriodMillis ?? 10_000 }),
      ...(options.plugins ?? []),
    ],
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
    ...(options.beforeGraphQL ?? []),
    expressMiddleware(apollo, { context: async () => createContext(store, options.argumentLimits) }),
  );
  if (options.errorHandler) app.use(options.errorHandler);

  const url = await listenForGraphQL(server, options.port, options.host);
  const stop = async () => {
    await graceful.settle(options.stopGracePeriodMillis ?? 10_000);
    await apollo.stop();
  };
  return { url, server, stop };
}

/** How long no request may run before the server is taken as settled. */
const QUIET_MS = 100;

export interface GracefulStop {
  /** Whether stopping has begun (/ready then answers 503). */
  readonly stopping: boolean;
  /**
   * Marks the server as stopping, then resolves once no request has run for QUIET_MS (at most
   * `maxMs`): by then every request already sent has been read and answered.
   */
  settle(maxMs: number): Promise<void>;
}

/**
 * Counts a server's requests in progress, for a stop that loses none. Closing the listening
 * socket resets the connections the kernel has accepted that Node has not taken yet, and Node's
 * http.Server#close also closes connections whose request has not been read: on PGlite a
 * request runs from start to end without yielding, so requests sent together wait there, behind
 * it. So on SIGTERM the server first stops being ready (load balancers stop sending), answers
 * what has arrived, each answer closing its connection, and only when it has been quiet for a
 * moment does Apollo's drain close the listening socket and the idle connections.
 */
export function gracefulStop(server: Server): GracefulStop {
  let active = 0;
  let lastActivity = Date.now();
  let stopping = false;
  // Before the app's own listener, which may answer at once.
  server.prependListener("request", (_request, response) => {
    active++;
    if (stopping) response.setHeader("connection", "close");
    response.once("close", () => {
      active--;
      lastActivity = Date.now();
    });
  });
  return {
    get stopping() {
      return stopping;
    },
    async settle(maxMs) {
      stopping = true;
      lastActivity = Date.now();
      const deadline = Date.now() + maxMs;
      while (Date.now() < deadline && (active > 0 || Date.now() - lastActivity < QUIET_MS)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
