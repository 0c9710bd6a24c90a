import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createStore, loadCatalogue, type Store } from "@hkhealth/store";
import { createTestDatabase, type TestDatabase } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileServer } from "./support/file-server.js";
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

/** Runs `pnpm ingest <args>` in a process group of its own, as a terminal does. */
function ingestInTerminal(args: string[], env: Record<string, string>) {
  const child = spawn("pnpm", ["ingest", ...args], { cwd: repositoryRoot, detached: true, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const finished = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.once("close", (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { group: child.pid!, pressCtrlC: () => process.kill(-child.pid!, "SIGINT"), finished };
}

/** The lines of the command's own output that mention the interruption. */
const interruptionLines = (stderr: string) => stderr.trim().split("\n").filter((line) => line.includes("interrupted"));

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

    const ingest = ingestInTerminal([AED, pipelineFixture("aed-snapshot-0430.json")], { DATABASE_URL: database.url });

    const waitingOnTheLock = async () => {
      const [row] = await store.prisma.$queryRawUnsafe<Array<{ waiting: bigint }>>(
        `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return row!.waiting > 0n;
    };
    await eventually("the ingest waits on the dataset's lock", waitingOnTheLock);
    ingest.pressCtrlC();
    await eventually("every process of the command has the SIGINT", () => !sigintPendingIn(ingest.group));
    releaseLock();
    await holder;

    const { code, signal, stdout, stderr } = await ingest.finished;
    expect(interruptionLines(stderr)).toEqual([`${pipelineFixture("aed-snapshot-0430.json")}: interrupted: rolled back, nothing written`]);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(stdout).not.toContain("ingested");
    expect(await store.prisma.ingestion.count({ where: { datasetId: AED } })).toBe(0);
    expect(await store.prisma.record.count({ where: { datasetId: AED } })).toBe(0);
  });
});

// A download that never ends (the stand-in server's "/hang"): Ctrl-C stops it rather than
// leaving the person waiting for the fetch timeout. One database is enough: PGlite.
describe.skipIf(Boolean(serverUrl))("Ctrl-C during a download by `pnpm ingest` (runs on PGlite only)", { timeout: 300_000 }, () => {
  let server: FileServer;
  const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-ingest-ctrl-c-"));
  beforeAll(async () => (server = await FileServer.start()));
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("stops the download, says so in one line and exits 130", async () => {
    const url = server.url("/hang");
    const ingest = ingestInTerminal([AED, url], { DATABASE_URL: "", PGLITE_DATA_DIR: join(dataDir, "pglite") });
    await eventually("the ingest is downloading", () => server.requests.some((request) => request.path === "/hang"));
    ingest.pressCtrlC();
    const { code, signal, stderr } = await ingest.finished;
    expect(interruptionLines(stderr)).toEqual([`${url}: interrupted: rolled back, nothing written`]);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
  });
});
