import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestGateway, storeWithPlan, type TestGateway } from "../test-gateway.js";

const fixture = (name: string) => resolve(import.meta.dirname, "..", "fixtures", name);
const AED = "ha-aed-waiting-time";
const VACCINATION = "hb-covid19-vaccination-by-age";
const aedQuery = `{ dataset(id: "${AED}") { records { edges { node { observedAt } } } } }`;
const vaccinationQuery = `{ dataset(id: "${VACCINATION}") { records(first: 2) { totalCount } } }`;
// A prefix of this run's own, so parallel runs and earlier ones never share answers.
const prefix = `hkhealth:test:response-cache:${randomBytes(6).toString("hex")}:`;

let store: Store;
let subgraphs: Subgraph[];
let first: TestGateway;
let second: TestGateway;
const redis = new Redis("redis://127.0.0.1:6379");

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
  await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0430.json") });
  await ingestFile(store, { datasetId: VACCINATION, location: fixture("vaccination-by-age.csv") });
  const variables = { RESPONSE_CACHE: "true", RESPONSE_CACHE_STORE: "redis", REDIS_URL: "redis://127.0.0.1:6379", RESPONSE_CACHE_REDIS_PREFIX: prefix };
  first = await startTestGateway({ store, subgraphs, variables });
  second = await startTestGateway({ store, subgraphs, variables });
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await store?.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

async function counter(target: TestGateway, name: string): Promise<number> {
  const metric = await target.gateway.metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
}

async function statementsOf(target: TestGateway, query: string) {
  const { result, statements } = await store.sqlLog.record(() => target.post(query));
  return { body: result.body, statements: statements.length };
}

describe("the response cache in Redis (RESPONSE_CACHE_STORE=redis)", () => {
  it("shares answers between gateway instances and drops exactly those of an ingested dataset", async () => {
    const aed = await statementsOf(first, aedQuery);
    expect(aed.statements).toBeGreaterThan(0);
    await first.post(vaccinationQuery);
    // The other instance finds them in Redis: no SQL.
    expect(await statementsOf(second, aedQuery)).toEqual({ body: aed.body, statements: 0 });
    expect((await statementsOf(second, vaccinationQuery)).statements).toBe(0);

    const changes = await counter(second, "graphql_response_cache_changes_total");
    await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0445.json") });
    await vi.waitFor(async () => expect(await counter(second, "graphql_response_cache_changes_total")).toBe(changes + 1), { timeout: 10_000 });
    await vi.waitFor(async () => expect(await counter(first, "graphql_response_cache_changes_total")).toBe(changes + 1), { timeout: 10_000 });

    expect((await statementsOf(second, vaccinationQuery)).statements).toBe(0);
    const fresh = await statementsOf(second, aedQuery);
    expect(fresh.statements).toBeGreaterThan(0);
    expect(fresh.body.data.dataset.records.edges[0].node.observedAt).toBe("2026-01-20T04:45:00+08:00");
  });
});
