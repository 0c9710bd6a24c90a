import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type RequestHandler } from "express";
import { buildSchema } from "graphql";
import { inject } from "light-my-request";
import { afterAll } from "vitest";
import { httpErrorHandler } from "../../src/http/http-errors.js";
import { queryLimitProtections } from "../../src/limits/query-limits.js";
import { silentLogger, type Logger } from "../../src/observability/logger.js";
import { defaultGatewaySettings, type QueryLimits } from "../../src/settings.js";

// A graph of a few types on an inline schema, served by an Express app that is called in
// memory (light-my-request: no socket, no port, no database), for the limits and plugins to be
// tested one at a time, as Hive Gateway's plugin tests do.

export const schema = buildSchema(`
  type Query {
    agencies: [Agency!]!
    agency(code: String!): Agency
    datasets(first: Int): DatasetConnection!
    failing: String
    recordsOn(date: Date!): Int!
  }
  "Declared without its parsing, as the supergraph declares the subgraphs' scalars."
  scalar Date
  type Mutation { renameAgency(code: String!, name: String!): Agency }
  type Agency { code: String! name: String! datasets: [Dataset!]! }
  type Dataset { id: ID! title: String! agency: Agency! }
  type DatasetConnection { totalCount: Int! edges: [DatasetEdge!]! }
  type DatasetEdge { node: Dataset! }
`);

const ha = { code: "HA", name: "Hospital Authority" };
const datasetsOf = (agency: typeof ha) => [{ id: `${agency.code}-1`, title: "A&E waiting time", agency: () => agencyOf(agency) }];
const agencyOf = (agency: typeof ha) => ({ ...agency, datasets: () => datasetsOf(agency) });

/** The resolvers, as graphql-js's root value: each function is called with the field's arguments. */
export const rootValue = {
  agencies: () => [agencyOf(ha)],
  agency: ({ code }: { code: string }) => (code === ha.code ? agencyOf(ha) : null),
  datasets: ({ first }: { first?: number }) => ({ totalCount: 1, edges: datasetsOf(ha).slice(0, first ?? 20).map((node) => ({ node })) }),
  renameAgency: ({ code, name }: { code: string; name: string }) => ({ ...agencyOf(ha), code, name }),
  recordsOn: () => 1,
  // What a lost database connection looks like to a resolver: a Node error with its code.
  failing: () => {
    throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:5432 as planner:s3cret"), { code: "ECONNREFUSED" });
  },
};

/** Every limit at its default, with some changed. */
export function limitsWith(changed: Partial<QueryLimits> = {}): QueryLimits {
  return { ...defaultGatewaySettings.limits, ...changed };
}

/** The validation rules and plugins of the limits, as the gateway builds them. */
export function limitProtections(changed: Partial<QueryLimits> = {}, maskSuggestions = false) {
  return queryLimitProtections(limitsWith(changed), { maskSuggestions });
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

export interface InMemoryGraph {
  /** POSTs a GraphQL request (or a batch) as JSON. */
  post(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

export interface InMemoryGraphOptions {
  /** Apollo's options beside the schema: the validation rules, plugins, formatError under test. */
  readonly apollo?: Omit<ApolloServerOptions<BaseContext>, "schema" | "gateway" | "typeDefs" | "resolvers">;
  /** Middleware before Apollo, after the body is parsed. */
  readonly before?: RequestHandler[];
  /** Middleware before the body is parsed (observing the request). */
  readonly first?: RequestHandler[];
  readonly maxBodyBytes?: number;
  readonly logger?: Logger;
}

/** Apollo on the inline schema behind Express's body parser and error handler, as the gateway mounts it. */
export async function inMemoryGraph(options: InMemoryGraphOptions = {}): Promise<InMemoryGraph> {
  const maxBodyBytes = options.maxBodyBytes ?? defaultGatewaySettings.limits.MAX_BODY_BYTES;
  const logger = options.logger ?? silentLogger;
  const apollo = new ApolloServer<BaseContext>({ schema, rootValue, logger, csrfPrevention: true, ...options.apollo });
  await apollo.start();
  const app = express();
  app.use(
    "/graphql",
    ...(options.first ?? []),
    express.json({ limit: maxBodyBytes }),
    ...(options.before ?? []),
    expressMiddleware(apollo, { context: async () => ({ clientKey: "in-memory" }) }),
  );
  app.use(httpErrorHandler({ maxBodyBytes, logger }));
  return {
    post: async (body, headers = {}) => {
      const response = await inject(app, {
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        payload: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.statusCode, headers: response.headers, body: response.json() };
    },
    stop: () => apollo.stop(),
  };
}

/** `inMemoryGraph` for one test file: every graph it starts is stopped after the file's tests. */
export function graphsStoppedAfterAll(): (options?: InMemoryGraphOptions) => Promise<InMemoryGraph> {
  const graphs: InMemoryGraph[] = [];
  afterAll(async () => {
    await Promise.all(graphs.map((graph) => graph.stop()));
  });
  return async (options) => {
    const graph = await inMemoryGraph(options);
    graphs.push(graph);
    return graph;
  };
}

/** The limit an answer was refused by (its one error's `extensions.limit`), with its status. */
export function refusal(answer: Answer): { status: number; code: unknown; limit: unknown } {
  const errors = answer.body.errors ?? [];
  if (errors.length !== 1) return { status: answer.status, code: errors.length === 0 ? "(answered)" : "(several errors)", limit: undefined };
  return { status: answer.status, code: errors[0]!.extensions?.code, limit: errors[0]!.extensions?.limit };
}

/** Whether an answer is data with no error at all. */
export function answered(answer: Answer): boolean {
  return answer.status === 200 && answer.body.errors === undefined && !!answer.body.data;
}

