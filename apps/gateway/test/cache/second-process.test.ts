import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startService, type ServiceProcess } from "../service-process.js";

// Another gateway process on the same PostgreSQL server learns of an ingest's commit by LISTEN.
// (PGlite is one process's database: there the notice is in-process, see response-cache.test.ts.)
const serverUrl = process.env.DATABASE_URL;
const fixture = (name: string) => resolve(import.meta.dirname, "..", "fixtures", name);
const AED = "ha-aed-waiting-time";
const VACCINATION = "hb-covid19-vaccination-by-age";
const aedQuery = `{ dataset(id: "${AED}") { records { edges { node { observedAt } } } } }`;
const vaccinationQuery = `{ dataset(id: "${VACCINATION}") { records(first: 2) { totalCount } } }`;

let database: TestDatabase;
let store: Store;
let gateway: ServiceProcess;

async function post(query: string): Promise<any> {
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return response.json();
}

/** A counter of the process's /metrics. */
async function counter(name: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", gateway.url))).text();
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
}

describe.skipIf(!serverUrl)("the response cache of a second gateway process on the same PostgreSQL server", () => {
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl ?? "");
    store = await createStore({ databaseUrl: database.url, poolSize: 2 });
    await loadCatalogue(store.prisma);
    await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0430.json") });
    await ingestFile(store, { datasetId: VACCINATION, location: fixture("vaccination-by-age.csv") });
    gateway = await startService("main.ts", [], {
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      SYNC: "false",
      RESPONSE_CACHE: "true",
      RATE_LIMIT_REQUESTS: "0",
      RATE_LIMIT_COST: "0",
    });
  });

  afterAll(async () => {
    gateway?.child.kill("SIGKILL");
    await gateway?.exited;
    await store?.close();
    await database?.drop();
  });

  it("drops the answers that read a dataset once this process commits an ingest into it, and keeps the others", async () => {
    const before = await post(aedQuery);
    await post(vaccinationQuery);
    await post(aedQuery);
    const hits = await counter("graphql_response_cache_hits_total");
    expect(hits).toBe(1);

    await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0445.json") });
    await vi.waitFor(async () => expect(await counter("graphql_response_cache_changes_total")).toBe(1), { timeout: 10_000 });
    expect(await counter("graphql_response_cache_invalidations_total")).toBe(1);

    await post(vaccinationQuery);
    expect(await counter("graphql_response_cache_hits_total")).toBe(hits + 1);
    const misses = await counter("graphql_response_cache_misses_total");
    const after = await post(aedQuery);
    expect(await counter("graphql_response_cache_misses_total")).toBe(misses + 1);
    expect(before.data.dataset.records.edges[0].node.observedAt).toBe("2026-01-20T04:30:00+08:00");
    expect(after.data.dataset.records.edges[0].node.observedAt).toBe("2026-01-20T04:45:00+08:00");
  });
});
