/**
 * pnpm bench:startup [--runs N]
 *
 * Measures, as a person would see them, the two fixed costs of issue 12 item 3:
 * - restart to first answer: `pnpm start` on a PGlite folder already migrated and loaded, from
 *   the spawn until `{ agencies { code } }` answers over HTTP;
 * - ingest fixed cost: `pnpm ingest` of a small file already ingested (nothing to write), from
 *   the spawn until it exits.
 * Prints the median of the runs beside the targets, with the load average around each.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const repositoryRoot = process.env["STARTUP_BENCH_REPO"] ?? resolve(import.meta.dirname, "../../..");
const targets = { restartMs: 5_000, ingestMs: 2_000 };
const smallFile = ["ha-aed-waiting-time", "packages/subgraphs/ha/test/fixtures/aedwtdata2-en.json"];
const firstQuery = JSON.stringify({ query: "{ agencies { code } }" });

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`);

const dataDir = mkdtempSync(join(tmpdir(), "hkhealth-startup-bench-"));
const env = { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: join(dataDir, "pglite"), HOST: "127.0.0.1", PORT: "4101", SYNC: "false", LOG_LEVEL: "info" };

interface Run {
  readonly ms: number;
  readonly load: number;
  /** CPU seconds (user + system, every thread) of the run's processes: what load cannot inflate much. */
  readonly cpuMs: number;
}

/** CPU time of this process's children that have ended and been waited for (cutime + cstime in /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /s, "").split(" ");
  // Fields 16 and 17 of stat(5), counted from 1; after the ") " the list starts at field 3.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** Runs `pnpm start`, waits for its first answer, then stops it with Ctrl-C (SIGINT to its group). */
async function timeRestart(): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn("pnpm", ["start"], { cwd: repositoryRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const closed = new Promise<number | null>((done) => child.once("close", done));
  let exited = false;
  void closed.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`pnpm start ended before it answered:\n${output}`);
    const response = await fetch(`http://127.0.0.1:${env.PORT}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: firstQuery,
    }).catch(() => undefined);
    if (response?.ok) {
      const body = (await response.json()) as { data?: { agencies?: unknown[] } };
      if (!body.data?.agencies?.length) throw new Error(`pnpm start answered without agencies: ${JSON.stringify(body)}`);
      break;
    }
    await new Promise((next) => setTimeout(next, 25));
  }
  const ms = performance.now() - started;
  process.kill(-child.pid!, "SIGINT");
  const code = await closed;
  if (code !== 0) throw new Error(`pnpm start stopped with status ${code} after Ctrl-C:\n${output}`);
  return { ms, load: loadavg()[0]!, cpuMs: childrenCpuMs() - cpuBefore };
}

/** Runs `pnpm ingest` of the small file to its exit; fails unless it exits 0. */
async function timeIngest(): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn("pnpm", ["ingest", ...smallFile], { cwd: repositoryRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once("close", done));
  if (code !== 0) throw new Error(`pnpm ingest ${smallFile.join(" ")} exited ${code}:\n${output}`);
  return { ms: performance.now() - started, load: loadavg()[0]!, cpuMs: childrenCpuMs() - cpuBefore };
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function report(name: string, target: number, measured: readonly Run[]): string {
  const figure = median(measured.map((run) => run.ms));
  const loads = measured.map((run) => run.load.toFixed(1)).join(", ");
  const verdict = figure <= target ? "met" : `MISSED by ${Math.round(figure - target)} ms`;
  return (
    `${name}: median ${Math.round(figure)} ms of ${measured.length} (target ≤ ${target} ms: ${verdict}); ` +
    `runs ${measured.map((run) => Math.round(run.ms)).join(", ")} ms; CPU (user + system) median ${Math.round(median(measured.map((run) => run.cpuMs)))} ms; ` +
    `1-minute load average ${loads} on ${availableParallelism()} cores`
  );
}

try {
  console.log(`repository ${repositoryRoot}; data ${dataDir}; ${runs} run(s) each`);
  // The first start migrates and loads the plan, and the first ingest writes: neither is timed.
  await timeRestart();
  await timeIngest();
  const restarts: Run[] = [];
  const ingests: Run[] = [];
  for (let run = 0; run < runs; run++) {
    restarts.push(await timeRestart());
    ingests.push(await timeIngest());
  }
  console.log(report("restart to first answer (pnpm start)", targets.restartMs, restarts));
  console.log(report("ingest fixed cost (pnpm ingest, already ingested)", targets.ingestMs, ingests));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
