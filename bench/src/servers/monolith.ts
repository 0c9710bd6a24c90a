// Configuration 4: one Apollo Server over one schema with every subgraph's resolvers, no
// federation at run time (see monolith-schema.ts), on the same HTTP stack as the gateway.
import { createServer } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { buildAllSubgraphs } from "@hkhealth/gateway";
import { createContext, type GraphContext } from "@hkhealth/subgraph-kit";
import cors from "cors";
import express from "express";
import { listenPort, openStoreFromEnvironment, stopOnSignal } from "./environment.js";
import { buildMonolithSchema } from "./monolith-schema.js";

const store = await openStoreFromEnvironment();
const schema = buildMonolithSchema(await buildAllSubgraphs());
const app = express();
const server = createServer(app);
const apollo = new ApolloServer<GraphContext>({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })] });
await apollo.start();
app.use("/graphql", cors(), express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async () => createContext(store) }));
server.listen(listenPort(), "127.0.0.1");
stopOnSignal(async () => {
  await apollo.stop();
  await store.close();
});
