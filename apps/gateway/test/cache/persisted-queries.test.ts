import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { generateManifest } from "../../src/persisted-queries/generate-manifest.js";
import { sha256Hex } from "../../src/persisted-queries/manifest.js";
import { startTestGateway, storeWithPlan, type TestGateway } from "../test-gateway.js";

const agenciesQuery = "query Agencies { agencies { code } }";
const preflight = { "apollo-require-preflight": "true" };
const byHash = (hash: string) => `?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`;

let store: Store;
let subgraphs: Subgraph[];
let folder: string;
const started: TestGateway[] = [];

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
  folder = await mkdtemp(join(tmpdir(), "persisted-queries-"));
});

afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.close()));
  await store?.close();
  await rm(folder, { recursive: true, force: true });
});

async function gatewayWith(variables: Record<string, string>): Promise<TestGateway> {
  const gateway = await startTestGateway({ store, subgraphs, variables });
  started.push(gateway);
  return gateway;
}

describe("automatic persisted queries over GET", () => {
  it("asks for an unknown hash's query, then answers the hash alone, from the cache once answered", async () => {
    const gateway = await gatewayWith({ RESPONSE_CACHE: "true" });
    const hash = sha256Hex(agenciesQuery);
    const unknown = await gateway.raw({ method: "GET", search: byHash(hash), headers: preflight });
    expect(JSON.parse(unknown.text).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toBe("no-store");

    const registered = await gateway.raw({ method: "GET", search: `${byHash(hash)}&query=${encodeURIComponent(agenciesQuery)}`, headers: preflight });
    expect(registered.status).toBe(200);
    expect(JSON.parse(registered.text).data.agencies.length).toBeGreaterThan(0);

    const { result: alone, statements } = await store.sqlLog.record(() => gateway.raw({ method: "GET", search: byHash(hash), headers: preflight }));
    expect(alone.status).toBe(200);
    expect(alone.text).toBe(registered.text);
    expect(alone.headers.get("etag")).toBe(registered.headers.get("etag"));
    expect(alone.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(statements).toEqual([]);
  });
});

describe("the allow-list mode (PERSISTED_QUERIES_ONLY)", () => {
  let gateway: TestGateway;
  let hash: string;

  beforeAll(async () => {
    await mkdir(join(folder, "operations", "nested"), { recursive: true });
    await writeFile(join(folder, "operations", "nested", "agencies.graphql"), `${agenciesQuery}\n`);
    await writeFile(join(folder, "operations", "datasets.graphql"), "query FirstDatasets { datasets(first: 2) { edges { node { ...Titles } } } }\nfragment Titles on Dataset { id titleEn }\n");
    const manifest = await generateManifest([join(folder, "operations")]);
    expect(manifest.operations.map((operation) => operation.name)).toEqual(["Agencies", "FirstDatasets"]);
    await writeFile(join(folder, "manifest.json"), JSON.stringify(manifest));
    // A manifest is an input too: the web app's build may write its own.
    expect((await generateManifest([join(folder, "manifest.json")])).operations).toEqual(manifest.operations);
    hash = manifest.operations[0]!.id;
    gateway = await gatewayWith({ PERSISTED_QUERIES_ONLY: "true", PERSISTED_QUERIES_MANIFEST: join(folder, "manifest.json") });
  });

  it("answers an operation of the manifest, by hash alone over GET or by its text", async () => {
    const get = await gateway.raw({ method: "GET", search: byHash(hash), headers: preflight });
    expect(get.status).toBe(200);
    expect(JSON.parse(get.text).data.agencies.length).toBeGreaterThan(0);
    const post = await gateway.post(agenciesQuery);
    expect(post.status).toBe(200);
    expect(post.body.errors).toBeUndefined();
  });

  it("refuses any other document, and a hash not in the manifest", async () => {
    const other = await gateway.post("{ agencies { code nameEn } }");
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(other.headers.get("cache-control")).toBe("no-store");
    const unknown = await gateway.raw({ method: "GET", search: byHash("0".repeat(64)), headers: preflight });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).errors[0].message).toContain(`The persisted query ${"0".repeat(64)} is not in the persisted query manifest`);
  });

  it("will not start without a manifest", async () => {
    await expect(gatewayWith({ PERSISTED_QUERIES_ONLY: "true" })).rejects.toThrow(/PERSISTED_QUERIES_ONLY=true needs PERSISTED_QUERIES_MANIFEST/);
  });
});
