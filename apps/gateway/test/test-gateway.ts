import { Writable } from "node:stream";
import { readGatewayEnvironment } from "@hkhealth/config";
import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import type { Logger } from "pino";
import { startGateway, type RunningGateway } from "../src/gateway.js";
import { createLogger } from "../src/observability/logger.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { gatewaySettings, type GatewaySettings } from "../src/settings.js";
import type { GraphQLResponse } from "./harness.js";

/**
 * The gateway's settings for an environment that sets only these variables (parsed as in
 * production), rate limits off unless they are among them (a test sends bursts from one address), and so is the response cache (a test repeats queries to count their SQL).
 */
export function settingsFrom(variables: Record<string, string> = {}): GatewaySettings {
  return gatewaySettings(readGatewayEnvironment({ RATE_LIMIT_REQUESTS: "0", RATE_LIMIT_COST: "0", RESPONSE_CACHE: "false", ...variables }));
}

/** A pino logger whose lines the test can read. */
export function capturedLogger(): { logger: Logger; lines: () => Array<Record<string, any>> } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger("debug", "gateway", sink),
    lines: () => written.flatMap((chunk) => chunk.split("\n")).filter(Boolean).map((line) => JSON.parse(line)),
  };
}

export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly url: string;
  readonly origin: string;
  /** POSTs an operation as JSON and returns the HTTP status, headers and parsed body. */
  post<T = any>(
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }>;
  /** Sends a raw request to /graphql and returns the HTTP status, headers and body text. */
  raw(init: RequestInit & { search?: string }): Promise<{ status: number; headers: Headers; text: string }>;
  close(): Promise<void>;
}

/** A fresh test store with the plan loaded, and every subgraph built: what most gateway tests start from. */
export async function storeWithPlan(): Promise<{ store: Store; subgraphs: Subgraph[] }> {
  const [store, subgraphs] = await Promise.all([createTestStore(), buildAllSubgraphs()]);
  await loadCatalogue(store.prisma);
  return { store, subgraphs };
}

/** A gateway on a free port of 127.0.0.1 over `store`, with these environment variables' settings. */
export async function startTestGateway(options: {
  store?: Store;
  subgraphs: readonly Subgraph[];
  variables?: Record<string, string>;
  subgraphUrls?: Record<string, string>;
  logger?: Logger;
}): Promise<TestGateway> {
  const gateway = await startGateway(
    {
      subgraphs: options.subgraphs,
      settings: settingsFrom(options.variables),
      ...(options.store && { store: options.store }),
      ...(options.subgraphUrls && { subgraphUrls: options.subgraphUrls }),
      ...(options.logger && { logger: options.logger }),
    },
    { port: 0, host: "127.0.0.1" },
  );
  const url = gateway.url;
  return {
    gateway,
    url,
    origin: new URL(url).origin,
    async post(query, { variables, headers } = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
        body: JSON.stringify({ query, ...(variables && { variables }) }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<never> };
    },
    async raw({ search = "", ...init }) {
      const response = await fetch(`${url}${search}`, init);
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    close: async () => {
      await gateway.stop();
    },
  };
}
