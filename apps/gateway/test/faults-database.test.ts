import { loadCatalogue, createStore, type Store } from "@hkhealth/store";
import { serveSubgraph, type ServedSubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createErrorFormatter } from "../src/errors/format-error.js";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";
import { startTestGateway, type TestGateway } from "./test-gateway.js";

// PostgreSQL lost mid-run and back: through a TCP proxy between the store and the server that
// the test cuts (every connection dropped, new ones refused) and restores. On PGlite (one
// process, no network) there is nothing to cut, so this runs only with DATABASE_URL.

const serverUrl = process.env.DATABASE_URL;
const password = "s3cret-pw";

let scratch: ScratchDatabase;
let proxy: TcpProxy;
let store: Store;
let gateway: TestGateway;
let served: ServedSubgraph;

const query = `query Plan { datasets(first: 3) { totalCount edges { node { id agency { code } } } } }`;

async function postTo(url: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

/** Polls until `check` holds, at most `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!serverUrl)("PostgreSQL lost and back, without a restart", () => {
  let subgraphs: Subgraph[];
  let target: string;

  beforeAll(async () => {
    [scratch, subgraphs] = await Promise.all([createScratchDatabase(serverUrl!), buildAllSubgraphs()]);
    const server = new URL(scratch.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const proxied = new URL(scratch.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    proxied.password = password; // the server at hand may trust; the error must never show it anyway
    store = await createStore({ databaseUrl: proxied.toString(), poolSize: 4 });
    target = store.target;
    await loadCatalogue(store.prisma);
    gateway = await startTestGateway({ store, subgraphs });
    served = await serveSubgraph(subgraphs.find((subgraph) => subgraph.name === "plan")!, store, {
      port: 0,
      host: "127.0.0.1",
      formatError: createErrorFormatter({ databaseTarget: store.target, debug: false }),
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await gateway?.close();
    await served?.stop();
    await store?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  it("fails /ready (503) and each query with DATABASE_UNAVAILABLE naming the database, then recovers", async () => {
    const before = await postTo(gateway.url);
    expect(JSON.parse(before.text).data.datasets.totalCount).toBe(26);
    expect((await fetch(`${gateway.origin}/ready`)).status).toBe(200);

    proxy.cut();

    for (const ready of [`${gateway.origin}/ready`, new URL("/ready", served.url).toString()]) {
      const response = await fetch(ready);
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(body).toContain(target);
      expect(body).not.toContain(password);
    }
    // Through the gateway (subgraphs in-process) and from the subgraph served on its own.
    for (const url of [gateway.url, served.url]) {
      const { text } = await postTo(url);
      const body = JSON.parse(text);
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: `The database (${target}) is unavailable; try again shortly.`,
          extensions: expect.objectContaining({ code: "DATABASE_UNAVAILABLE" }),
        }),
      ]);
      expect(text).not.toContain(password);
      expect(text).not.toMatch(/stacktrace|prisma|ECONNRESET/i);
    }
    expect(target).toBe(`postgres://127.0.0.1:${proxy.port}/${new URL(scratch.url).pathname.slice(1)}`);

    proxy.restore();

    await eventually(async () => (await fetch(`${gateway.origin}/ready`)).status === 200);
    expect((await postTo(gateway.url)).text).toBe(before.text);
    expect(JSON.parse((await postTo(served.url)).text).data.datasets.totalCount).toBe(26);
    expect((await fetch(new URL("/ready", served.url))).status).toBe(200);
  });

  it("counts the outage in /metrics by code", async () => {
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/^graphql_errors_total\{code="DATABASE_UNAVAILABLE"\} [1-9]\d*$/m);
  });
});
