import { mkdirSync } from "node:fs";
import { Agent } from "node:http";
import { join } from "node:path";
import { createStore } from "@hkhealth/store";
import { deployGroup, type DeploymentContext } from "../configurations.js";
import type { LoadFigures, Round } from "../load/driver.js";
import { operations } from "../operations.js";
import { SeededRandom } from "../random.js";
import type { LoadSettings } from "../scales.js";
import { startIngestLoop, type IngestLoopFigures } from "./ingest-loop.js";
import { post, runMixedRound, summariseMixed } from "./mixed-load.js";
import { StaleCheck, type StaleFigures } from "./stale-check.js";
import { mixedQuery, mixedVariableSets } from "./variable-sets.js";
import { ZipfSampler } from "./zipf.js";

export const MIXED_VARIABLE_SETS = 500;
export const MIXED_ZIPF_EXPONENT = 1;
export const MIXED_INGEST_INTERVAL_SECONDS = 3;

export interface MixedResult {
  readonly variableSets: number;
  readonly zipfExponent: number;
  readonly ingestIntervalSeconds: number;
  /** 1c: our gateway with the response cache. */
  readonly cached: LoadFigures;
  /** 1d: the same gateway, cache off, fetches not shared. */
  readonly uncached: LoadFigures;
  readonly ingest: IngestLoopFigures;
  /** The cached gateway's answers against the uncached one's, after each commit. */
  readonly stale: StaleFigures;
}

/**
 * The mixed workload (issue 14): Zipf-drawn variable sets of the record page against our gateway
 * with the cache (1c) and without (1d), their rounds in turn, while a file is ingested into the
 * wide dataset every few seconds. Each answer of 1c sent after a commit is compared with 1d's
 * answer of the same version. PostgreSQL only: the ingest runs here, beside the gateways, on the
 * same server (a PGlite database belongs to one process).
 */
export async function runMixedWorkload(context: DeploymentContext, load: LoadSettings, seed: number, log: (line: string) => void): Promise<MixedResult> {
  if (context.database.kind !== "postgres") throw new Error("the mixed workload needs PostgreSQL (--database-url): its ingests run beside the gateways");
  const group = await deployGroup(["gateway-in-process-cached", "gateway-in-process-uncached"], context, log);
  const store = await createStore({ databaseUrl: context.database.url, poolSize: 2 });
  try {
    const cached = group.deployments["gateway-in-process-cached"];
    const uncached = group.deployments["gateway-in-process-uncached"];
    if (!cached || !uncached) throw new Error(`the mixed workload's gateways did not start: ${JSON.stringify(group.errors)}`);
    const recordPage = operations.find((operation) => operation.name === "recordPage");
    if (!recordPage) throw new Error("no recordPage operation");
    const urls = { cached: cached.endpoint(recordPage), uncached: uncached.endpoint(recordPage) };
    const bodies = mixedVariableSets(MIXED_VARIABLE_SETS).map((variables) => JSON.stringify({ query: mixedQuery, variables }));
    const referenceAgent = new Agent({ keepAlive: true, maxSockets: 4 });
    const check = new StaleCheck(async (variableSet) => {
      const answer = await post(new URL(urls.uncached), referenceAgent, bodies[variableSet] ?? "");
      if (answer.status !== 200) throw new Error(`reference HTTP ${answer.status}`);
      return answer.body;
    });
    const folder = join(context.workDir, "mixed");
    mkdirSync(folder, { recursive: true });
    const random = new SeededRandom(seed);
    const target = (name: "cached" | "uncached") => ({
      url: urls[name],
      bodies,
      sampler: new ZipfSampler(bodies.length, MIXED_ZIPF_EXPONENT, random),
      ...(name === "cached" && {
        stamp: () => check.current,
        onAnswer: (variableSet: number, body: string, stamp: number | null) => void check.check(stamp, variableSet, body),
      }),
    });
    for (const name of ["cached", "uncached"] as const) await runMixedRound(target(name), load.connections, load.warmupSeconds);
    const ingests = startIngestLoop({
      store,
      folder,
      intervalSeconds: MIXED_INGEST_INTERVAL_SECONDS,
      seed: seed + 1,
      starting: () => check.ingestStarting(),
      committed: () => check.ingestCommitted(),
      log,
    });
    const rounds: Record<"cached" | "uncached", Round[]> = { cached: [], uncached: [] };
    // At least two ingests fall in every round: rounds last two intervals or more.
    const roundSeconds = Math.max(load.roundSeconds, 2 * MIXED_INGEST_INTERVAL_SECONDS);
    for (let index = 0; index < load.rounds; index++) {
      const order = index % 2 ? (["uncached", "cached"] as const) : (["cached", "uncached"] as const);
      for (const name of order) rounds[name].push(await runMixedRound(target(name), load.connections, roundSeconds));
    }
    const ingest = await ingests.stop();
    // Let the last comparisons finish.
    await new Promise((resolve) => setTimeout(resolve, 500));
    referenceAgent.destroy();
    const result: MixedResult = {
      variableSets: bodies.length,
      zipfExponent: MIXED_ZIPF_EXPONENT,
      ingestIntervalSeconds: MIXED_INGEST_INTERVAL_SECONDS,
      cached: summariseMixed(rounds.cached),
      uncached: summariseMixed(rounds.uncached),
      ingest,
      stale: check.figures(),
    };
    log(
      `mixed workload: cached ${result.cached.requestsPerSecond.toFixed(1)} req/s, uncached ${result.uncached.requestsPerSecond.toFixed(1)} req/s, ` +
        `${ingest.ingests} ingests, ${result.stale.checked} answers checked, ${result.stale.stale} stale, ${result.stale.unchecked} not checked`,
    );
    return result;
  } finally {
    await store.close().catch(() => undefined);
    await group.stop();
  }
}
