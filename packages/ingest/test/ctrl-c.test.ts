import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineFixture } from "./support/fixtures.js";

const serverUrl = process.env.DATABASE_URL;
const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const AED = "ha-aed-waiting-time";

/** Polls `check` every 100 ms until it holds; the bound is generous, for a busy machine. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((next) => setTimeout(next, 100));
  }
}

/** Whether any process of the group still has a SIGINT waiting to be delivered. */
function sigintPendingIn(group: number): boolean {
  const sigintBit = 1n << 1n; // SIGINT is signal 2
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    let status: string;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      status = readFileSync(`/proc/${pid}/status`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    const processGroup = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
    if (processGroup !== group) continue;
    for (const mask of status.matchAll(/^(?:SigPnd|ShdPnd):\s*([0-9a-f]+)$/gm)) {
      if (BigInt(`0x${mask[1]}`) & sigintBit) return true;
    }
  }
  return false;
}

// The ingest is made to wait, inside its transaction, on the dataset's row lock held here; Ctrl-C
// arrives while it waits, and the lock is released only once every process has the signal: so the
// interruption is sure to land mid-ingest, without guessing at timings. PostgreSQL only: PGlite
// is one process per folder, and nothing else could hold the lock.
describe.runIf(serverUrl)("Ctrl-C during `pnpm ingest`", { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await createTestDatabase(serverUrl!);
    store = await createStore({ databaseUrl: database.url, poolSize: 2 });
    await loadCatalogue(store.prisma);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it("rolls the ingest back, says so in one line and exits 130", async () => {
    let releaseLock!: () => void;
    let lockTaken!: () => void;
    const taken = new Promise<void>((done) => (lockTaken = done));
    const holder = store.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SELECT 1 FROM "Dataset" WHERE id = $1 FOR UPDATE`, AED);
        lockTaken();
        await new Promise<void>((done) => (releaseLock = done));
      },
      { timeout: 280_000 },
    );
    await taken;

    const child = spawn("pnpm", ["ingest", AED, pipelineFixture("aed-snapshot-0430.json")], {
      cwd: repositoryRoot,
      detached: true,
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const finished = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once("close", (code, signal) => done({ code, signal })),
    );

    const waitingOnTheLock = async () => {
      const [row] = await store.prisma.$queryRawUnsafe<Array<{ waiting: bigint }>>(
        `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return row!.waiting > 0n;
    };
    await eventually("the ingest waits on the dataset's lock", waitingOnTheLock);
    process.kill(-child.pid!, "SIGINT");
    await eventually("every process of the command has the SIGINT", () => !sigintPendingIn(child.pid!));
    releaseLock();
    await holder;

    const outcome = await finished;
    expect(stderr.trim().split("\n").filter((line) => line.includes("interrupted"))).toEqual([
      `${pipelineFixture("aed-snapshot-0430.json")}: interrupted: rolled back, nothing written`,
    ]);
    expect(outcome).toEqual({ code: 130, signal: null });
    expect(stdout).not.toContain("ingested");
    expect(await store.prisma.ingestion.count({ where: { datasetId: AED } })).toBe(0);
    expect(await store.prisma.record.count({ where: { datasetId: AED } })).toBe(0);
  });
});
