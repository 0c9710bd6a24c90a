import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApolloGateway,
  LocalGraphQLDataSource,
  type Experimental_DidResolveQueryPlanCallback,
  type ServiceEndpointDefinition,
} from "@apollo/gateway";

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]["queryPlan"];
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import type { Store } from "@hkhealth/store";
import { createContext, type GraphContext, type Subgraph } from "@hkhealth/subgraph-kit";
import cors from "cors";
import express from "express";
import { composeSupergraph } from "./supergraph.js";

export type { QueryPlan };

export interface GatewayOptions {
  readonly store: Store;
  readonly subgraphs: readonly Subgraph[];
  /** Called with each operation's query plan (tests use it to see which subgraphs a query crosses). */
  readonly onQueryPlan?: (queryPlan: QueryPlan) => void;
}

export interface RunningGateway {
  readonly url: string;
  readonly server: Server;
  readonly apollo: ApolloServer<GraphContext>;
  stop(): Promise<void>;
}

/**
 * The gateway: composes the subgraphs, runs them in-process through LocalGraphQLDataSource,
 * and serves /graphql (Apollo Sandbox on GET from a browser), /health and /ready.
 */
export async function startGateway(options: GatewayOptions, listen: { port: number; host?: string }): Promise<RunningGateway> {
  const { store, subgraphs } = options;
  const schemaByName = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.schema]));
  const gateway = new ApolloGateway({
    supergraphSdl: composeSupergraph(subgraphs),
    buildService: ({ name }: ServiceEndpointDefinition) => {
      const schema = schemaByName.get(name);
      if (!schema) throw new Error(`No in-process subgraph named ${name}`);
      return new LocalGraphQLDataSource(schema);
    },
    ...(options.onQueryPlan && {
      experimental_didResolveQueryPlan: ({ queryPlan }) => options.onQueryPlan?.(queryPlan),
    }),
  });

  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer<GraphContext>({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageLocalDefault({ embed: true })],
  });
  await apollo.start();

  app.get("/health", (_request, response) => {
    response.json({ status: "ok" });
  });
  app.get("/ready", async (_request, response) => {
    try {
      await store.ping();
      response.json({ status: "ready", database: store.kind });
    } catch (error) {
      response.status(503).json({ status: "unavailable", error: (error as Error).message });
    }
  });
  app.use(
    "/graphql",
    cors(),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async () => createContext(store) }),
  );

  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  const address = server.address() as AddressInfo;
  const host = listen.host && listen.host !== "0.0.0.0" ? listen.host : "localhost";
  return {
    url: `http://${host}:${address.port}/graphql`,
    server,
    apollo,
    stop: () => apollo.stop(),
  };
}
