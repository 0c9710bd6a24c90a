import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { datasetDefinition, updateFrequencyOf } from "@hkhealth/plan";
import { announceDataChange, createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { createTestDatabase, createTestStore, type TestDatabase } from "@hkhealth/store/testing";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { checkPeriodMs } from "@hkhealth/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildAllSubgraphs } from "../../src/subgraphs/subgraphs.js";
import { startTestGateway, type TestGateway } from "../test-gateway.js";

const fixture = (name: string) => resolve(import.meta.dirname, "..", "fixtures", name);
const AED = "ha-aed-waiting-time";
const VACCINATION = "hb-covid19-vaccination-by-age";
const aedQuery = `{ dataset(id: "${AED}") { records { totalCount edges { node { observedAt } } } } }`;
const vaccinationQuery = `{ dataset(id: "${VACCINATION}") { records(first: 2) { totalCount edges { node { fields } } } } }`;
const cacheOn = { RESPONSE_CACHE: "true" };

let subgraphs: Subgraph[];
let database: TestDatabase | undefined;
let store: Store;
/** A second store on the same database (PostgreSQL): what another gateway process would hold. */
let otherStore: Store | undefined;
let gateway: TestGateway;
let other: TestGateway;
/** A gateway whose cache never hears a NOTIFY: as another process is in the moments after a commit, before its NOTIFY arrives. */
let deaf: TestGateway;

beforeAll(async () => {
  subgraphs = await buildAllSubgraphs();
  const url = process.env.DATABASE_URL;
  if (url) {
    database = await createTestDatabase(url);
    store = await createStore({ databaseUrl: database.url, poolSize: 4 });
    otherStore = await createStore({ databaseUrl: database.url, poolSize: 2 });
  } else {
    store = await createTestStore();
  }
  await loadCatalogue(store.prisma);
  await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0430.json") });
  await ingestFile(store, { datasetId: VACCINATION, location: fixture("vaccination-by-age.csv") });
  gateway = await startTestGateway({ store, subgraphs, variables: cacheOn });
  other = await startTestGateway({ store: otherStore ?? store, subgraphs, variables: cacheOn });
  const deafStore: Store = { ...(otherStore ?? store), watchDataChanges: () => (otherStore ?? store).watchDataChanges(() => {}) };
  deaf = await startTestGateway({ store: deafStore, subgraphs, variables: cacheOn });
});

afterAll(async () => {
  await gateway?.close();
  await other?.close();
  await deaf?.close();
  await otherStore?.close();
  await store?.close();
  await database?.drop();
});

async function metric(target: TestGateway, name: string): Promise<number> {
  const values = await target.gateway.metrics.registry.getSingleMetric(name)?.get();
  return values?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
}

/** Posts `query` and returns its answer with the SQL statements the store ran meanwhile. */
async function measured(target: TestGateway, query: string) {
  const storeOfTarget = (target === other || target === deaf) && otherStore ? otherStore : store;
  const { result, statements } = await storeOfTarget.sqlLog.record(() => target.post(query));
  return { ...result, statements: statements.length };
}

/** Waits until `target` has been told of `count` more changes than `before`: notices arrive in commit order. */
async function changesReceived(target: TestGateway, before: number, count = 1): Promise<void> {
  await vi.waitFor(async () => expect(await metric(target, "graphql_response_cache_changes_total")).toBeGreaterThanOrEqual(before + count), { timeout: 10_000 });
}

describe("the response cache", () => {
  it("answers a second identical query from the cache, without SQL", async () => {
    const first = await measured(gateway, vaccinationQuery);
    expect(first.body.errors).toBeUndefined();
    expect(first.statements).toBeGreaterThan(0);
    const hitsBefore = await metric(gateway, "graphql_response_cache_hits_total");
    const second = await measured(gateway, vaccinationQuery);
    expect(second.statements).toBe(0);
    expect(second.body).toEqual(first.body);
    expect(await metric(gateway, "graphql_response_cache_hits_total")).toBe(hitsBefore + 1);
    expect(await metric(gateway, "graphql_response_cache_bytes")).toBeGreaterThan(0);
  });

  it("drops exactly the answers that read a dataset when a changed file of it is ingested, in every gateway", async () => {
    for (const target of [gateway, other]) {
      await target.post(aedQuery);
      await target.post(vaccinationQuery);
    }
    const before = await Promise.all([gateway, other].map((target) => metric(target, "graphql_response_cache_changes_total")));
    await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0445.json") });
    await Promise.all([gateway, other].map((target, index) => changesReceived(target, before[index] as number)));

    for (const target of [gateway, other]) {
      const vaccination = await measured(target, vaccinationQuery);
      expect(vaccination.statements).toBe(0); // another dataset: still a hit
      const aed = await measured(target, aedQuery);
      expect(aed.statements).toBeGreaterThan(0); // dropped: answered afresh
      expect(aed.body.data.dataset.records.edges[0].node.observedAt).toBe("2026-01-20T04:45:00+08:00");
      expect(await metric(target, "graphql_response_cache_invalidations_total")).toBeGreaterThan(0);
    }
  });

  it("drops nothing for a duplicate file", async () => {
    await gateway.post(aedQuery);
    const invalidations = await metric(gateway, "graphql_response_cache_invalidations_total");
    const changes = await metric(gateway, "graphql_response_cache_changes_total");
    await expect(ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0445.json") })).resolves.toMatchObject({ status: "duplicate" });
    // A notice of a dataset nobody read, sent after the duplicate: once it is in, the duplicate's would be too.
    await store.prisma.$transaction((tx) => announceDataChange(tx, "no-such-dataset"));
    await changesReceived(gateway, changes);
    expect(await metric(gateway, "graphql_response_cache_changes_total")).toBe(changes + 1);
    expect(await metric(gateway, "graphql_response_cache_invalidations_total")).toBe(invalidations);
    expect((await measured(gateway, aedQuery)).statements).toBe(0);
  });

  it("sends Cache-Control from the datasets' update periods and a strong ETag, and 304 for If-None-Match", async () => {
    const search = `?query=${encodeURIComponent(vaccinationQuery)}`;
    const headers = { "apollo-require-preflight": "true" };
    const first = await gateway.raw({ method: "GET", search, headers });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const period = Math.min(checkPeriodMs[updateFrequencyOf(datasetDefinition(VACCINATION)!)] / 1_000, 86_400);
    expect(first.headers.get("cache-control")).toBe(`public, max-age=${period}, stale-while-revalidate=60`);
    const again = await gateway.raw({ method: "GET", search, headers: { ...headers, "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    // A&E: until its next quarter-hour update.
    const aed = await gateway.raw({ method: "GET", search: `?query=${encodeURIComponent(aedQuery)}`, headers });
    const maxAge = Number(/max-age=(\d+)/.exec(aed.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(1);
    expect(maxAge).toBeLessThanOrEqual(900);
  });

  it("leaves variables nested past the stack to the depth limit's refusal", async () => {
    const deep = `${"[".repeat(40_000)}${"]".repeat(40_000)}`;
    const response = await gateway.raw({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"query":${JSON.stringify(vaccinationQuery)},"variables":{"a":${deep}}}`,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].extensions.code).toBe("QUERY_LIMIT_EXCEEDED");
  });

  it("caches no answer with errors, and marks it no-store", async () => {
    const query = `{ dataset(id: "${VACCINATION}") { records(first: -1) { totalCount } } }`;
    const first = await gateway.post(query);
    expect(first.body.errors).toBeDefined();
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect((await measured(gateway, query)).statements).toBeGreaterThan(0);
  });

  // Last: it ingests a newer A&E file.
  it("serves no answer older than a commit made before the request, though its NOTIFY has not arrived", async () => {
    await deaf.post(aedQuery);
    await deaf.post(vaccinationQuery);
    expect((await measured(deaf, aedQuery)).statements).toBe(0);
    const outdated = await metric(deaf, "graphql_response_cache_outdated_total");
    await ingestFile(store, { datasetId: AED, location: fixture("aed-2026-01-20-0500.json") });

    const aed = await measured(deaf, aedQuery);
    expect(aed.statements).toBeGreaterThan(0);
    expect(aed.body.data.dataset.records.edges[0].node.observedAt).toBe("2026-01-20T05:00:00+08:00");
    expect(await metric(deaf, "graphql_response_cache_outdated_total")).toBe(outdated + 1);
    expect((await measured(deaf, aedQuery)).statements).toBe(0); // kept again, with the new versions
    expect((await measured(deaf, vaccinationQuery)).statements).toBe(0); // another dataset: still current
  });
});
