import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngestCli, type CliOutcome } from "./support/cli.js";
import { pipelineFixture } from "./support/fixtures.js";

const serverUrl = process.env.DATABASE_URL;
const AED = "ha-aed-waiting-time";
const aedFile = "aed-snapshot-0430.json";

/** What two outcomes said, sorted so that the order the processes finished in does not matter. */
function sortedLines(outcomes: readonly CliOutcome[]): string[] {
  return outcomes.map((outcome) => `${outcome.status} ${outcome.stdout}${outcome.stderr}`).sort();
}

async function ingestedCounts(store: Store, datasetId: string) {
  const [ingestions, records] = await Promise.all([
    store.prisma.ingestion.count({ where: { datasetId } }),
    store.prisma.record.count({ where: { datasetId } }),
  ]);
  return { ingestions, records };
}

// Each ingest is a process of its own (tsx, Prisma): slow on a busy machine, so bounds are generous.
describe.runIf(serverUrl)("ingests running at the same time on one PostgreSQL database", { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let gateway: Store;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl!);
    gateway = await createStore({ databaseUrl: database.url, poolSize: 4 });
    await loadCatalogue(gateway.prisma);
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it("runs two ingests of different datasets side by side, next to a gateway's store serving queries", async () => {
    let serving = true;
    let queries = 0;
    // Every pooled connection of the "gateway" busy with queries while the ingests run.
    const traffic = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (serving) {
          await gateway.prisma.dataset.count();
          queries++;
        }
      }),
    );
    const db = { databaseUrl: database.url };
    const outcomes = await Promise.all([
      runIngestCli(db, [AED, aedFile]),
      runIngestCli(db, ["hb-covid19-vaccination-by-age", "vaccination-by-age.csv"]),
    ]).finally(() => (serving = false));
    await traffic;
    expect(queries).toBeGreaterThan(0);
    expect(outcomes[0]).toEqual({
      status: 0,
      stdout: `ingested 3 records into ${AED} from ${pipelineFixture(aedFile)} (observed 2026-01-20T04:30:00+08:00)\n`,
      stderr: "",
    });
    expect(outcomes[1]).toMatchObject({ status: 0, stderr: "" });
    expect(outcomes[1]!.stdout).toMatch(/^ingested \d+ records into hb-covid19-vaccination-by-age from /);
  });

  it("stores the same file ingested twice at once only once, and reports the other as already ingested, round after round", async () => {
    const db = { databaseUrl: database.url };
    for (let round = 0; round < 3; round++) {
      await gateway.prisma.ingestion.deleteMany({ where: { datasetId: AED } }); // its records go with it
      const outcomes = await Promise.all([runIngestCli(db, [AED, aedFile]), runIngestCli(db, [AED, aedFile])]);
      const { id } = await gateway.prisma.ingestion.findFirstOrThrow({ where: { datasetId: AED }, select: { id: true } });
      expect(sortedLines(outcomes)).toEqual([
        `0 already ingested: ${pipelineFixture(aedFile)} has the same bytes as ingestion ${id} of ${AED}; nothing written\n`,
        `0 ingested 3 records into ${AED} from ${pipelineFixture(aedFile)} (observed 2026-01-20T04:30:00+08:00)\n`,
      ]);
      expect(await ingestedCounts(gateway, AED)).toEqual({ ingestions: 1, records: 3 });
    }
  });

  it("fails with one line, no stack, when the database cannot be migrated in time", async () => {
    const fresh = await createTestDatabase(serverUrl!);
    const other = await createStore({ databaseUrl: fresh.url, migrate: false });
    try {
      // Another process in the middle of migrating: it holds the schema engine's lock.
      await other.prisma.$executeRawUnsafe("SELECT pg_advisory_lock(72707369)");
      const outcome = await runIngestCli({ databaseUrl: fresh.url }, [AED, aedFile], { MIGRATION_WAIT_MS: "500" });
      expect(outcome.status).toBe(1);
      expect(outcome.stdout).toBe("");
      const lines = outcome.stderr.trimEnd().split("\n");
      expect(lines).toEqual([
        expect.stringMatching(/^Waiting for another process to finish migrating the database at postgres:\/\/127\.0\.0\.1:5432\/hkhealth_test_\w+…$/),
        expect.stringMatching(/^Cannot migrate the database at postgres:\/\/127\.0\.0\.1:5432\/hkhealth_test_\w+: another process has been migrating it for longer than 1 s \(MIGRATION_WAIT_MS\); try again when it has finished$/),
      ]);
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});

describe.runIf(!serverUrl)("ingests of the same file started at once on one PGlite folder", { timeout: 300_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), "hkhealth-concurrent-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("lets one process store it; the other finds the folder in use (or, started late, the file already ingested), round after round", async () => {
    for (let round = 0; round < 2; round++) {
      const dataDir = join(scratch, `pglite-${round}`);
      const outcomes = await Promise.all([runIngestCli({ dataDir }, [AED, aedFile]), runIngestCli({ dataDir }, [AED, aedFile])]);
      const ingested = `0 ingested 3 records into ${AED} from ${pipelineFixture(aedFile)} (observed 2026-01-20T04:30:00+08:00)\n`;
      const other = sortedLines(outcomes).filter((line) => line !== ingested);
      expect(other).toHaveLength(1);
      const inUse = `^1 Cannot reach the database at PGlite at ${dataDir}: the folder is in use by process \\d+ \\(${dataDir}\\.lock\\); stop it, or set DATABASE_URL to use a PostgreSQL server\n$`;
      const duplicate = `^0 already ingested: ${pipelineFixture(aedFile)} has the same bytes as ingestion 1 of ${AED}; nothing written\n$`;
      expect(other[0]).toMatch(new RegExp(`${inUse}|${duplicate}`));
      const store = await createStore({ dataDir });
      try {
        expect(await ingestedCounts(store, AED)).toEqual({ ingestions: 1, records: 3 });
      } finally {
        await store.close();
      }
    }
  });
});
