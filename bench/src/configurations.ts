import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchDir, freePort, repositoryRoot, startServer, type RunningServer, type ServerSpec } from "./children.js";
import type { BenchDatabase } from "./database.js";
import type { ConfigurationName } from "./options.js";
import type { Operation } from "./operations.js";

export const configurationLabels: Readonly<Record<ConfigurationName, string>> = {
  "gateway-in-process": "1. our gateway, subgraphs in-process",
  "gateway-in-process-unshared": "1b. our gateway in-process, identical in-flight fetches not shared",
  "gateway-in-process-cached": "1c. our gateway in-process, response cache on (RESPONSE_CACHE)",
  "gateway-in-process-uncached": "1d. our gateway in-process, response cache off, fetches not shared",
  "gateway-http-subgraphs": "2. our gateway, subgraphs as HTTP services",
  "gateway-http-unshared": "2b. our gateway over HTTP subgraphs, identical in-flight fetches not shared",
  "hive-gateway": "3. Hive Gateway (defaults), same HTTP subgraphs",
  "hive-gateway-no-dedup": "3b. Hive Gateway, upstream in-flight deduplication off",
  "hive-gateway-cached": "3c. Hive Gateway with its response cache plugin (responseCaching), same HTTP subgraphs",
  monolith: "4. monolith (one Apollo Server, same resolvers)",
  "raw-sql": "5. floor: the store's SQL through pg, plain HTTP",
  "typed-floor": "7. floor: typed table loaded by psql \\copy, hand-written SQL through pg, plain HTTP",
  "answer-floor": "6. floor: node:http sending the answer's bytes",
};

/** What every configuration needs to start its servers on the same data. */
export interface DeploymentContext {
  readonly database: BenchDatabase;
  readonly poolSize: number;
  readonly logDir: string;
  readonly workDir: string;
  /** Subgraph names in composition order. */
  readonly subgraphNames: readonly string[];
  /** JSON file of the floor's statements by operation name. */
  readonly floorStatements: string;
  /** JSON file of the typed floor's hand-written statements by operation name (PostgreSQL only). */
  readonly typedStatements?: string;
  /** The supergraph Hive Gateway serves: the committed one, unless it is stale. */
  readonly supergraphSdl: string;
  /** JSON file of our gateway's answer to each operation, by operation name (the answer floor sends them). */
  readonly answers: string;
}

/** The running servers of one configuration. */
export interface Deployment {
  /** The server the load is sent to. */
  readonly front: RunningServer;
  /** Subgraph services behind it (configurations 2 and 3). */
  readonly subgraphs: readonly RunningServer[];
  endpoint(operation: Operation): string;
}

const gatewayMain = join(repositoryRoot, "apps/gateway/src/entry/main.ts");
const startSubgraph = join(repositoryRoot, "apps/gateway/src/entry/start-subgraph.ts");
const hiveGatewayBin = join(benchDir, "node_modules/@graphql-hive/gateway/dist/bin.js");
const server = (name: string) => join(benchDir, "src/servers", name);

/** The variables that point a server at the benchmark's store (no sync: it would fetch the agencies' files and write beside the load). */
function databaseEnvironment(context: DeploymentContext): Record<string, string> {
  const pool = { DATABASE_POOL_SIZE: String(context.poolSize), SYNC: "false" };
  return context.database.kind === "postgres"
    ? { ...pool, DATABASE_URL: context.database.url, PGLITE_DATA_DIR: "" }
    : { ...pool, DATABASE_URL: "", PGLITE_DATA_DIR: context.database.dataDir };
}

async function graphqlServer(context: DeploymentContext, name: string, script: string, env: Record<string, string> = {}, args: string[] = []) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const spec: ServerSpec = {
    name,
    script,
    args,
    env: { ...databaseEnvironment(context), HOST: "127.0.0.1", PORT: String(port), ...env },
    readiness: { url, method: "graphql" },
  };
  return { server: await startServer(spec, context.logDir), url };
}

/**
 * The subgraphs as HTTP services (subgraph-kit's serveSubgraph). On PostgreSQL each runs in its
 * own process, as deployed: apps/gateway's start-subgraph.ts. PGlite is one process's database,
 * so there the five services share one process and one store (servers/subgraph-services.ts).
 */
async function startSubgraphServices(context: DeploymentContext): Promise<SubgraphServices> {
  const servers: RunningServer[] = [];
  const urls: Record<string, string> = {};
  try {
    if (context.database.kind === "postgres") {
      // All at once: on a PostgreSQL server the services do not migrate (the harness did).
      await Promise.all(
        context.subgraphNames.map(async (name) => {
          const port = await freePort();
          urls[name] = `http://127.0.0.1:${port}/graphql`;
          const spec: ServerSpec = {
            name: `subgraph-${name}`,
            script: startSubgraph,
            args: [name],
            env: { ...databaseEnvironment(context), HOST: "127.0.0.1", SUBGRAPH_PORT: String(port) },
            readiness: { url: urls[name], method: "graphql" },
          };
          servers.push(await startServer(spec, context.logDir));
        }),
      );
    } else {
      const ports = await Promise.all(context.subgraphNames.map(() => freePort()));
      context.subgraphNames.forEach((name, index) => (urls[name] = `http://127.0.0.1:${ports[index]}/graphql`));
      const spec: ServerSpec = {
        name: "subgraphs",
        script: server("subgraph-services.ts"),
        env: { ...databaseEnvironment(context), BENCH_SUBGRAPHS: context.subgraphNames.map((name, index) => `${name}=${ports[index]}`).join(",") },
        readiness: { url: urls[context.subgraphNames.at(-1) ?? ""] ?? "", method: "graphql" },
      };
      servers.push(await startServer(spec, context.logDir));
    }
    return { servers, urls };
  } catch (error) {
    await Promise.all(servers.map((running) => running.stop()));
    throw error;
  }
}

/** Rewrites each subgraph's URL in a supergraph SDL (`@join__graph(name: "plan", url: "...")`). */
export function withSubgraphUrls(supergraphSdl: string, urls: Readonly<Record<string, string>>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

interface SubgraphServices {
  readonly servers: RunningServer[];
  readonly urls: Record<string, string>;
}

/**
 * Our gateway's variables: identical in-flight subgraph fetches shared by default (the
 * "-unshared" and "-uncached" variants do not); the response cache only in "-cached", so every
 * other configuration measures the work of answering, as before the cache.
 */
function gatewayEnvironment(name: ConfigurationName): Record<string, string> {
  // The load comes from one address, far past any per-client rate limit: measured without them.
  return {
    SHARE_SUBGRAPH_FETCHES: String(!name.endsWith("-unshared") && !name.endsWith("-uncached")),
    RESPONSE_CACHE: String(name.endsWith("-cached")),
    RATE_LIMIT_REQUESTS: "0",
    RATE_LIMIT_COST: "0",
  };
}

/**
 * The longest time our gateway keeps a benchmark answer: the synthetic datasets are not in the
 * plan, so their answers get the most frequent dataset's max-age (the next 15-minute A&E
 * update, at most 900 s), and the catalogue's (CACHE_CATALOGUE_MAX_AGE_SECONDS) is longer.
 * Hive's plugin gets it as its one TTL: no answer expires during a run on either side.
 */
export const HIVE_RESPONSE_CACHE_TTL_MS = 900_000;

/**
 * Hive Gateway's config file. "-cached" turns on its response cache plugin
 * (`responseCaching`, @graphql-mesh/plugin-response-cache over Yoga's), in memory, with one
 * shared scope as ours (public data: `session` returns null), and no invalidation but the TTL
 * (Hive cannot know when our store changes).
 */
function hiveGatewayConfig(name: ConfigurationName, transport: object): string {
  const responseCaching = name === "hive-gateway-cached" ? `, responseCaching: { session: () => null, ttl: ${HIVE_RESPONSE_CACHE_TTL_MS} }` : "";
  return `export const gatewayConfig = { transportEntries: ${JSON.stringify(transport)}${responseCaching} };\n`;
}

/** Starts one configuration's front server (the subgraph services it needs are already up). */
async function deploy(name: ConfigurationName, context: DeploymentContext, services: SubgraphServices | undefined): Promise<Deployment> {
  const front = (server: RunningServer, endpoint: (operation: Operation) => string, subgraphs: readonly RunningServer[] = []): Deployment => ({
    front: server,
    subgraphs,
    endpoint,
  });
  switch (name) {
    case "gateway-in-process":
    case "gateway-in-process-unshared":
    case "gateway-in-process-cached":
    case "gateway-in-process-uncached": {
      // What `pnpm start` runs, with its defaults (limits, logging, metrics) and the same store;
      // the variant as the monolith works, each request doing its own fetches.
      const { server: gateway, url } = await graphqlServer(context, name, gatewayMain, gatewayEnvironment(name));
      return front(gateway, () => url);
    }
    case "gateway-http-subgraphs":
    case "gateway-http-unshared": {
      if (!services) throw new Error("no subgraph services");
      const subgraphUrls = Object.entries(services.urls).map(([subgraph, url]) => `${subgraph}=${url}`).join(",");
      const { server: gateway, url } = await graphqlServer(context, name, gatewayMain, { SUBGRAPH_URLS: subgraphUrls, ...gatewayEnvironment(name) });
      return front(gateway, () => url, services.servers);
    }
    case "hive-gateway":
    case "hive-gateway-no-dedup":
    case "hive-gateway-cached": {
      if (!services) throw new Error("no subgraph services");
      const supergraphPath = join(context.workDir, "supergraph-hive.graphql");
      writeFileSync(supergraphPath, withSubgraphUrls(context.supergraphSdl, services.urls));
      const configPath = join(context.workDir, `${name}.config.mjs`);
      // Hive's HTTP transport shares one upstream fetch among identical queries in flight (on by
      // default); the variant turns that off, so each client request costs its subgraph fetches.
      const transport = name === "hive-gateway-no-dedup" ? { "*": { options: { deduplicateInflightRequests: false } } } : {};
      writeFileSync(configPath, hiveGatewayConfig(name, transport));
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/graphql`;
      const hive = await startServer(
        {
          name,
          script: hiveGatewayBin,
          // One process, like ours (--fork 1: no worker processes).
          args: ["supergraph", supergraphPath, "--config-path", configPath, "--host", "127.0.0.1", "--port", String(port), "--fork", "1"],
          // Hive reads LOG_LEVEL too, with other names ("silent" is ours, not its).
          env: { LOG_LEVEL: undefined },
          readiness: { url, method: "graphql" },
        },
        context.logDir,
      );
      return front(hive, () => url, services.servers);
    }
    case "monolith": {
      const { server: monolith, url } = await graphqlServer(context, name, server("monolith.ts"));
      return front(monolith, () => url);
    }
    case "answer-floor": {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const floor = await startServer(
        { name, script: server("answer-floor.ts"), env: { PORT: String(port), BENCH_ANSWERS: context.answers }, readiness: { url: `${base}/ready`, method: "get" } },
        context.logDir,
      );
      return front(floor, (operation) => `${base}/${operation.name}`);
    }
    case "raw-sql":
    case "typed-floor": {
      // The same server: statements by operation name through pg; only the statements differ.
      const statements = name === "raw-sql" ? context.floorStatements : context.typedStatements;
      if (!statements) throw new Error("no typed tables: the typed floor runs on PostgreSQL only");
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const floor = await startServer(
        {
          name,
          script: server("raw-sql.ts"),
          env: { ...databaseEnvironment(context), PORT: String(port), BENCH_FLOOR_STATEMENTS: statements },
          readiness: { url: `${base}/ready`, method: "get" },
        },
        context.logDir,
      );
      return front(floor, (operation) => `${base}/${operation.name}`);
    }
  }
}

/** Configurations running side by side, and every server they started. */
export interface DeployedGroup {
  readonly deployments: Partial<Record<ConfigurationName, Deployment & { readonly startSeconds: number }>>;
  readonly errors: Partial<Record<ConfigurationName, string>>;
  /** Subgraph services shared by configurations 2 and 3 of the group. */
  readonly subgraphServices: readonly RunningServer[];
  stop(): Promise<void>;
}

/**
 * Starts the servers of several configurations (one at a time, so each start is timed alone).
 * Configurations 2 and 3 in one group call the same subgraph services. A configuration that
 * fails to start is reported in `errors`; the others go on.
 */
export async function deployGroup(names: readonly ConfigurationName[], context: DeploymentContext, log: (line: string) => void): Promise<DeployedGroup> {
  const deployments: DeployedGroup["deployments"] = {};
  const errors: DeployedGroup["errors"] = {};
  let services: SubgraphServices | undefined;
  const stop = async () => {
    await Promise.all(Object.values(deployments).map((deployment) => deployment.front.stop()));
    await Promise.all((services?.servers ?? []).map((running) => running.stop()));
  };
  const needsServices = names.filter((name) => name.startsWith("gateway-http") || name.startsWith("hive-gateway"));
  if (needsServices.length > 0) {
    const started = performance.now();
    try {
      services = await startSubgraphServices(context);
      log(`subgraph services: ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      for (const name of needsServices) errors[name] = `the subgraph services did not start: ${(error as Error).message}`;
    }
  }
  for (const name of names) {
    if (errors[name]) continue;
    const started = performance.now();
    try {
      const deployment = await deploy(name, context, services);
      const startSeconds = (performance.now() - started) / 1000;
      deployments[name] = { ...deployment, startSeconds };
      log(`${configurationLabels[name]}: ready in ${startSeconds.toFixed(1)} s`);
    } catch (error) {
      errors[name] = (error as Error).message.split("\n").slice(0, 12).join("\n");
    }
  }
  return { deployments, errors, subgraphServices: services?.servers ?? [], stop };
}

/** The committed supergraph, for Hive Gateway. */
export function committedSupergraph(): string {
  return readFileSync(join(repositoryRoot, "apps/gateway/supergraph.graphql"), "utf8");
}
