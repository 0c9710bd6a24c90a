import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, type Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { abusiveRequests, sendAbusive } from "./abusive-requests.js";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { runCommand, startService, type ServiceProcess } from "./service-process.js";
import { startTestGateway, type TestGateway } from "./test-gateway.js";

// Distributed mode end to end, as the README runs it: `pnpm prepare:database`, then the plan
// and hospital-authority subgraphs as their own processes (`pnpm start:subgraph`), the others
// in the gateway, which this test runs. On PostgreSQL all share one database; on PGlite (one
// process per folder) each subgraph process gets a copy of the prepared folder.

const serverUrl = process.env.DATABASE_URL;
const timeoutMs = 3_000;

let scratch: ScratchDatabase | undefined;
let dataRoot: string;
let store: Store;
let distributed: TestGateway;
let inProcess: TestGateway;
const services = new Map<string, ServiceProcess>();

function databaseEnv(name: string): Record<string, string> {
  return scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "", PGLITE_DATA_DIR: join(dataRoot, name) };
}

let prepared: Awaited<ReturnType<typeof runCommand>>;

/** A query each served subgraph answers on its own, to warm it up (a first request is slow). */
const warmUp: Record<string, string> = {
  plan: "{ agencies { code } datasets(first: 1) { totalCount } }",
  "hospital-authority": "{ hospitalAuthority { website } }",
};

/** Starts `pnpm start:subgraph <name>` and warms it up, so the gateway's timeout measures slowness, not a cold start. */
async function startSubgraph(name: string, port = 0): Promise<ServiceProcess> {
  const service = await startService("start-subgraph.ts", [name], { ...databaseEnv(name), SUBGRAPH_PORT: String(port) });
  services.set(name, service);
  const response = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: warmUp[name] }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  return service;
}

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), "hkhealth-distributed-"));
  scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  prepared = await runCommand("prepare-database.ts", databaseEnv("prepared"));
  if (prepared.code !== 0) throw new Error(`prepare:database failed: ${prepared.stderr}`);
  if (!scratch) {
    // A fresh PGlite folder costs seconds to create: each service gets a copy of the prepared one.
    for (const name of ["plan", "hospital-authority", "gateway"]) cpSync(join(dataRoot, "prepared"), join(dataRoot, name), { recursive: true });
  }
  const [testStore, subgraphs, plan, ha] = await Promise.all([
    createStore(scratch ? { databaseUrl: scratch.url, poolSize: 4 } : { dataDir: join(dataRoot, "gateway") }),
    buildAllSubgraphs(),
    startSubgraph("plan"),
    startSubgraph("hospital-authority"),
  ]);
  store = testStore;
  const subgraphUrls = { plan: plan.url, "hospital-authority": ha.url };
  [distributed, inProcess] = await Promise.all([
    startTestGateway({ store, subgraphs, subgraphUrls, variables: { SUBGRAPH_TIMEOUT_MS: String(timeoutMs) } }),
    startTestGateway({ store, subgraphs }),
  ]);
});
afterAll(async () => {
  for (const service of services.values()) {
    service.child.kill("SIGCONT");
    service.child.kill("SIGKILL");
  }
  await Promise.all([distributed?.close(), inProcess?.close()]);
  await store?.close();
  await scratch?.drop();
  rmSync(dataRoot, { recursive: true, force: true });
});

const crossing = `query Crossing {
  agencies { code name profile { __typename ... on HospitalAuthorityProfile { website clusters { code name } } ... on HealthBureauProfile { website } } }
  hospitalAuthority { agency { datasets { id } } }
  datasets(first: 5, filter: { agency: HA }) { totalCount edges { node { id title releases { id } } } }
}`;
const partial = `query Partial { agencies { code } ha: agency(code: HA) { profile { ... on HospitalAuthorityProfile { clusters { code } } } } }`;

describe("distributed mode", () => {
  it("starts from `pnpm prepare:database`: migrations and the plan, in one line", () => {
    expect(prepared.stderr).toBe("");
    expect(prepared.stdout.trim()).toMatch(/ is ready: [1-9]\d* migrations? applied, 26 datasets and 31 releases \(\d+ rows written\)$/);
  });

  it("answers as the all-in-process gateway does, across served and in-process subgraphs", async () => {
    const [remote, local] = await Promise.all([distributed.post(crossing, { headers: { "x-request-id": "crossing-1" } }), inProcess.post(crossing)]);
    expect(remote.body.errors).toBeUndefined();
    expect(remote.body).toEqual(local.body);
    expect(remote.body.data.agencies).toHaveLength(3);
    // The request id reaches the subgraphs' own logs.
    await services.get("plan")!.waitForLines((line) => line.requestId === "crossing-1" && line.msg === "graphql request");
  });

  it.each(abusiveRequests)("refuses $name, as in-process", async (request) => {
    const { status, body } = await sendAbusive(distributed.url, request);
    expect(status).toBe(request.status);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(request.error.message);
    if (request.error.limit) expect(body.errors?.[0]?.extensions).toMatchObject({ limit: request.error.limit, max: request.error.max });
  });

  it("answers as before after all of them", async () => {
    const [remote, local] = await Promise.all([distributed.post(crossing), inProcess.post(crossing)]);
    expect(remote.body.errors).toBeUndefined();
    expect(remote.body).toEqual(local.body);
  });

  it("serves /health, /ready and /metrics from each subgraph process", async () => {
    const origin = new URL(services.get("plan")!.url).origin;
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: "ok", subgraph: "plan" });
    expect((await fetch(`${origin}/ready`)).status).toBe(200);
    expect(await (await fetch(`${origin}/metrics`)).text()).toMatch(/^graphql_requests_total\{operation="[^"]+"\} \d+$/m);
  });

  it("with a subgraph stopped, answers the rest with an error naming it, and recovers when it is back", async () => {
    const ha = services.get("hospital-authority")!;
    const port = new URL(ha.url).port;
    ha.child.kill("SIGTERM");
    expect(await ha.exited).toBe(0);

    const down = await distributed.post(partial);
    expect(down.status).toBe(200);
    expect(down.body.data.agencies.map((agency: { code: string }) => agency.code)).toEqual(["HB", "HA", "DH"]);
    expect(down.body.data.ha).toEqual({ profile: null });
    expect(down.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Subgraph "hospital-authority" is unavailable \(ECONNREFUSED\)\.$/),
        extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "hospital-authority" }),
      }),
    ]);

    await startSubgraph("hospital-authority", Number(port));
    const back = await distributed.post(partial);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data.ha.profile.clusters.length).toBeGreaterThan(0);
  });

  it("with a subgraph too slow, keeps the plan's data: only that subgraph's root and cross-subgraph fields are null", async () => {
    const mixed = `query Mixed {
      agencies { code profile { __typename ... on HospitalAuthorityProfile { website } ... on HealthBureauProfile { website } } }
      hospitals { name }
      hospitalAuthority { website }
    }`;
    const ha = services.get("hospital-authority")!;
    ha.child.kill("SIGSTOP");
    try {
      const slow = await distributed.post(mixed);
      expect(slow.status).toBe(200);
      expect(slow.body.data.agencies.map((agency: { code: string }) => agency.code)).toEqual(["HB", "HA", "DH"]);
      const profiles = Object.fromEntries(slow.body.data.agencies.map((agency: { code: string; profile: unknown }) => [agency.code, agency.profile]));
      expect(profiles.HA).toBeNull();
      expect(profiles.HB).toMatchObject({ __typename: "HealthBureauProfile", website: expect.any(String) });
      expect(slow.body.data.hospitals).toBeNull();
      expect(slow.body.data.hospitalAuthority).toBeNull();
      expect(slow.body.errors?.length).toBeGreaterThan(0);
      for (const error of slow.body.errors ?? []) {
        expect(error).toMatchObject({
          message: `Subgraph "hospital-authority" did not answer within ${timeoutMs} ms.`,
          extensions: expect.objectContaining({ code: "SUBGRAPH_TIMEOUT", serviceName: "hospital-authority" }),
        });
      }
    } finally {
      ha.child.kill("SIGCONT");
    }
  });

  it("with a subgraph too slow, gives up after SUBGRAPH_TIMEOUT_MS, answers the rest, and recovers", async () => {
    const ha = services.get("hospital-authority")!;
    ha.child.kill("SIGSTOP"); // it accepts connections but answers nothing
    try {
      const started = Date.now();
      const slow = await distributed.post(partial);
      expect(Date.now() - started).toBeLessThan(timeoutMs + 5_000);
      expect(slow.body.data.agencies).toHaveLength(3);
      expect(slow.body.data.ha).toEqual({ profile: null });
      expect(slow.body.errors).toEqual([
        expect.objectContaining({
          message: `Subgraph "hospital-authority" did not answer within ${timeoutMs} ms.`,
          extensions: expect.objectContaining({ code: "SUBGRAPH_TIMEOUT", serviceName: "hospital-authority" }),
        }),
      ]);
    } finally {
      ha.child.kill("SIGCONT");
    }
    const back = await distributed.post(partial);
    expect(back.body.errors).toBeUndefined();
    const metrics = await (await fetch(`${distributed.origin}/metrics`)).text();
    expect(metrics).toMatch(/^graphql_subgraph_fetch_duration_seconds_count\{subgraph="hospital-authority",outcome="failed"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^graphql_errors_total\{code="SUBGRAPH_TIMEOUT"\} [1-9]\d*$/m);
  });
});
