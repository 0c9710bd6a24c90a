import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { serveSubgraph, type ServedSubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAllSubgraphs } from "../src/subgraphs/subgraphs.js";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.js";
import { startTestGateway, type TestGateway } from "./test-gateway.js";

// The graph's SQL on PostgreSQL is bounded: a statement past STATEMENT_TIMEOUT_MS ends with a
// QUERY_TIMEOUT error, and the statements of a request whose client leaves are cancelled on the
// server, in-process and through a subgraph service. A slow statement is made by holding a lock
// on the records' table (deterministic, unlike a big enough table on a busy machine): a records
// query then waits, active, until it is cancelled or the lock goes.
// PGlite enforces neither (one process; its statement_timeout is not honoured): PostgreSQL only.

const serverUrl = process.env.DATABASE_URL;
const fixture = (name: string) => resolve(import.meta.dirname, "fixtures", name);
const SHORT_TIMEOUT_MS = 300;
/** Far longer than any wait of this test: a statement gone before it was cancelled, not timed out. */
const LONG_TIMEOUT_MS = 600_000;
const recordsQuery = `{ dataset(id: "hb-covid19-vaccination-by-age") { records(filter: [{ field: "Sex", eq: "M" }]) { totalCount } } }`;

let scratch: ScratchDatabase;
let store: Store;
let shortStore: Store;
let subgraphs: Subgraph[];
let gateway: TestGateway;
let shortGateway: TestGateway;
let recordsService: ServedSubgraph;
let distributed: TestGateway;
let locker: pg.Client;
let observer: pg.Client;

describe.skipIf(!serverUrl)("statements of the graph on PostgreSQL", () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl!);
    [store, shortStore, subgraphs] = await Promise.all([
      createStore({ databaseUrl: scratch.url, poolSize: 4, statementTimeoutMs: LONG_TIMEOUT_MS }),
      createStore({ databaseUrl: scratch.url, poolSize: 2, statementTimeoutMs: SHORT_TIMEOUT_MS, migrate: false }),
      buildAllSubgraphs(),
    ]);
    await loadCatalogue(store.prisma);
    await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: fixture("vaccination-by-age.csv") });
    gateway = await startTestGateway({ store, subgraphs, variables: { STATEMENT_TIMEOUT_MS: String(LONG_TIMEOUT_MS) } });
    shortGateway = await startTestGateway({ store: shortStore, subgraphs, variables: { STATEMENT_TIMEOUT_MS: String(SHORT_TIMEOUT_MS) } });
    const records = subgraphs.find((subgraph) => subgraph.name === "records")!;
    recordsService = await serveSubgraph(records, store, { port: 0, host: "127.0.0.1" });
    distributed = await startTestGateway({ store, subgraphs, subgraphUrls: { records: recordsService.url } });
    observer = new pg.Client({ connectionString: scratch.url });
    await observer.connect();
  }, 120_000);

  afterAll(async () => {
    await locker?.end().catch(() => {});
    await observer?.end().catch(() => {});
    await distributed?.close();
    await recordsService?.stop();
    await gateway?.close();
    await shortGateway?.close();
    await shortStore?.close();
    await store?.close();
    await scratch?.drop();
  });

  /** Holds an exclusive lock on the records' table until released: every statement reading it waits. */
  async function lockRecords(): Promise<() => Promise<void>> {
    locker = new pg.Client({ connectionString: scratch.url });
    await locker.connect();
    await locker.query('BEGIN; LOCK TABLE "Record" IN ACCESS EXCLUSIVE MODE');
    const client = locker;
    return async () => {
      await client.query("ROLLBACK");
      await client.end();
    };
  }

  /** Statements of the graph waiting on the records' table now. */
  async function waitingStatements(): Promise<number> {
    const { rows } = await observer.query<{ count: string }>(
      `SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%"Record"%' AND wait_event_type = 'Lock'`,
    );
    return Number(rows[0]!.count);
  }

  /** Polls until `test` holds, for at most `ms` (generous: the machine is busy); returns whether it did. */
  async function eventually(test: () => Promise<boolean>, ms = 30_000): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await test()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return test();
  }

  it("ends a statement past STATEMENT_TIMEOUT_MS with QUERY_TIMEOUT, naming the limit, and no PostgreSQL words", async () => {
    const release = await lockRecords();
    try {
      const { body } = await shortGateway.post(recordsQuery);
      expect(body.errors, JSON.stringify(body)).toHaveLength(1);
      const [error] = body.errors!;
      expect(error!.extensions?.code).toBe("QUERY_TIMEOUT");
      expect(error!.message).toBe(`The query took longer than ${SHORT_TIMEOUT_MS} ms (STATEMENT_TIMEOUT_MS); narrow the filter or ask for fewer records.`);
      expect(JSON.stringify(body)).not.toMatch(/canceling statement|57014|prisma/i);
    } finally {
      await release();
    }
    // The connections it used are sound: the same query answers once the lock is gone.
    const { body } = await shortGateway.post(recordsQuery);
    expect(body.errors).toBeUndefined();
  });

  it("does not bound statements outside a request (an ingest, migrations), even on a connection a request used", async () => {
    // The previous test's statements ran on these connections with the short timeout.
    const slow = await shortStore.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 AS slept FROM pg_sleep(${(SHORT_TIMEOUT_MS * 2) / 1000})`);
    expect(slow).toHaveLength(1);
  });

  for (const [mode, target] of [
    ["in the gateway", () => gateway],
    ["in a subgraph service, whose request the gateway aborts", () => distributed],
  ] as const) {
    it(`cancels the SQL of a request whose client leaves, ${mode}`, async () => {
      const release = await lockRecords();
      try {
        const client = new AbortController();
        const answer = fetch(target().url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: recordsQuery }),
          signal: client.signal,
        }).catch((error: unknown) => error);
        expect(await eventually(async () => (await waitingStatements()) > 0)).toBe(true);
        client.abort();
        await answer;
        // Gone long before its statement timeout (10 minutes): it was cancelled.
        expect(await eventually(async () => (await waitingStatements()) === 0)).toBe(true);
      } finally {
        await release();
      }
      const { body } = await target().post(recordsQuery);
      expect(body.errors).toBeUndefined();
    }, 90_000);
  }
});
