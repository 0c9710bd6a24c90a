import type { Store } from "@hkhealth/store";
import { createContext } from "@hkhealth/subgraph-kit";
import { graphql, type ExecutionResult } from "graphql";
import { startGateway, type QueryPlan, type RunningGateway } from "../src/gateway.js";
import { settingsFrom, storeWithPlan } from "./test-gateway.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

export interface Harness {
  readonly store: Store;
  readonly gateway: RunningGateway;
  /** Query plans of the operations sent so far, newest last. */
  readonly queryPlans: QueryPlan[];
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /**
   * A positive control for statement counts: `query` sent straight to one subgraph with every
   * loader neither batching nor caching, so each lookup is its own statement (an N+1 shows).
   */
  unbatched(subgraph: string, query: string, variables?: Record<string, unknown>): Promise<{ result: ExecutionResult<any>; statements: string[] }>;
  close(): Promise<void>;
}

/** A gateway on a free port over a fresh test store with the plan loaded. */
export async function startHarness(): Promise<Harness> {
  const { store, subgraphs } = await storeWithPlan();
  const queryPlans: QueryPlan[] = [];
  const gateway = await startGateway(
    { store, subgraphs, settings: settingsFrom(), onQueryPlan: (plan) => queryPlans.push(plan) },
    { port: 0, host: "127.0.0.1" },
  );
  return {
    store,
    gateway,
    queryPlans,
    async query(query, variables) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async unbatched(name, query, variables) {
      const subgraph = subgraphs.find((candidate) => candidate.name === name);
      if (!subgraph) throw new Error(`No subgraph named ${name}`);
      const contextValue = createContext(store, undefined, { batch: false, cache: false });
      return store.sqlLog.record(() => Promise.resolve(graphql({ schema: subgraph.schema, source: query, variableValues: variables, contextValue })));
    },
    async close() {
      await gateway.stop();
      await store.close();
    },
  };
}

/** Every subgraph a query plan fetches from, with whether the fetch goes through `_entities`. */
export function fetches(plan: QueryPlan): Array<{ serviceName: string; entities: boolean }> {
  const found: Array<{ serviceName: string; entities: boolean }> = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.kind === "Fetch") found.push({ serviceName: String(record.serviceName), entities: Array.isArray(record.requires) });
    for (const value of Object.values(record)) {
      if (Array.isArray(value)) value.forEach(visit);
      else visit(value);
    }
  };
  visit(plan.node);
  return found;
}
