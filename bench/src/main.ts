/**
 * pnpm bench [--scale ci|100k|1m] [options]: fills a store with the plan and synthetic records,
 * counts SQL statements per request, then drives the same operations at each configuration
 * (our gateway in-process and over HTTP subgraphs, Hive Gateway, a monolith, raw SQL) and
 * prints the figures and ratios, also written to bench/results/<date>T<time>-<scale>-<database>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { readBenchEnvironment } from "@hkhealth/config";
import { buildAllSubgraphs, composeSupergraph } from "@hkhealth/gateway";
import { createStore, type Store } from "@hkhealth/store";
import { benchDir, stopAllServers, tail } from "./children.js";
import { committedSupergraph, configurationLabels, deployGroup, type DeploymentContext } from "./configurations.js";
import { openBenchDatabase, serverVersion, type BenchDatabase } from "./database.js";
import { fillStore } from "./fill/fill-store.js";
import { serialisableParams } from "./floor-sql.js";
import { runRound, summarise, type Round } from "./load/driver.js";
import { runMixedWorkload, type MixedResult } from "./mixed/run-mixed.js";
import { operationsFor, type Operation } from "./operations.js";
import { configurationNames, parseOptions, usage, UsageError, type BenchOptions, type ConfigurationName } from "./options.js";
import { computeRatios, formatReport, type BenchResults, type ConfigurationResult, type OperationResult } from "./report.js";
import { profiled, summariseProfiles } from "./profile-summary.js";
import { countStatements, EXPLAIN_RUNS, type StatementReport } from "./sql-counts.js";
import { prepareTypedFloor } from "./typed-floor/prepare.js";

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

/** Sends an operation once and checks its answer: the same data as the reference, or rows from the floor. */
async function sameAnswer(url: string, operation: Operation, configuration: ConfigurationName, expected: unknown): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: operation.query, variables: operation.variables(operation.loadSize) }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }>; rows?: unknown[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(`${configuration} answered ${operation.name} with HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  if (configuration === "raw-sql" || configuration === "typed-floor") return Array.isArray(body.rows) && body.rows.length > 0;
  return JSON.stringify(body.data) === JSON.stringify(expected);
}

/**
 * Runs a group of configurations side by side: each operation warmed up on each, then its rounds
 * taken in turn across the group (the order rotating), so that load from elsewhere on the machine
 * falls on all of them alike. A group of one runs a configuration alone (PGlite).
 */
async function runGroup(
  names: readonly ConfigurationName[],
  context: DeploymentContext,
  operations: readonly Operation[],
  options: BenchOptions,
  statements: StatementReport,
  typedOperations: ReadonlySet<string>,
  profileDir: string,
): Promise<BenchResults["configurations"]> {
  const group = await deployGroup(names, context, log);
  const servers = [...names.flatMap((name) => group.deployments[name]?.front ?? []), ...group.subgraphServices];
  const results: BenchResults["configurations"] = {};
  for (const [name, error] of Object.entries(group.errors)) {
    results[name as ConfigurationName] = { label: configurationLabels[name as ConfigurationName], operations: {}, error };
  }
  const running = names.filter((name) => group.deployments[name]);
  const measured = new Map(running.map((name) => [name, {} as ConfigurationResult["operations"]]));
  const operationFailures = new Map<ConfigurationName, NonNullable<ConfigurationResult["operationErrors"]>>();
  try {
    // Profiles cover the load only, not the servers' start.
    if (options.profile) for (const server of servers) server.startProfile();
    for (const operation of operations) {
      const takers = running.filter(
        (name) => (name !== "raw-sql" || operation.floor) && (name !== "typed-floor" || typedOperations.has(operation.name)),
      );
      const targets = new Map<ConfigurationName, { url: string; body: string; same: boolean }>();
      for (const name of takers) {
        const deployment = group.deployments[name];
        if (!deployment) continue;
        const url = deployment.endpoint(operation);
        try {
          const same = await sameAnswer(url, operation, name, statements.answers[operation.name]);
          if (!same) log(`  WARNING: ${name} answered ${operation.name} with different data than our in-process gateway`);
          targets.set(name, { url, body: JSON.stringify({ query: operation.query, variables: operation.variables(operation.loadSize) }), same });
        } catch (error) {
          // One configuration failing one operation leaves the rest of the run standing.
          const failures = operationFailures.get(name) ?? {};
          failures[operation.name] = (error as Error).message;
          operationFailures.set(name, failures);
          log(`  ${operation.name}: ${name} FAILED: ${(error as Error).message}`);
        }
      }
      for (const target of targets.values()) await runRound(target, options.load.connections, options.load.warmupSeconds);
      const rounds = new Map<ConfigurationName, Round[]>([...targets.keys()].map((name) => [name, []]));
      for (let index = 0; index < options.load.rounds; index++) {
        const order = [...targets.keys()];
        for (let turn = 0; turn < order.length; turn++) {
          const name = order[(turn + index) % order.length] as ConfigurationName;
          const target = targets.get(name);
          if (target) rounds.get(name)?.push(await runRound(target, options.load.connections, options.load.roundSeconds));
        }
      }
      for (const [name, taken] of rounds) {
        const figures = summarise(taken);
        const operationResults = measured.get(name);
        if (operationResults) operationResults[operation.name] = { ...figures, sameAnswer: targets.get(name)?.same ?? false } satisfies OperationResult;
        log(
          `  ${operation.name.padEnd(14)} ${name.padEnd(22)} ${figures.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${figures.p50.toFixed(2)} ms  ` +
            `p95 ${figures.p95.toFixed(2)} ms  p99 ${figures.p99.toFixed(2)} ms  errors ${figures.errors}` +
            (figures.firstError ? ` (${figures.firstError.slice(0, 160)})` : ""),
        );
      }
    }
    if (options.profile) await Promise.all(servers.map((server) => server.stopProfile(join(profileDir, `${server.name}.cpuprofile`))));
    const subgraphMemory = group.subgraphServices.length
      ? group.subgraphServices.map((server) => server.memory()).reduce((sum, memory) => ({ peakRssMiB: sum.peakRssMiB + memory.peakRssMiB, rssMiB: sum.rssMiB + memory.rssMiB }))
      : undefined;
    for (const name of running) {
      const deployment = group.deployments[name];
      if (!deployment) continue;
      results[name] = {
        label: configurationLabels[name],
        startSeconds: deployment.startSeconds,
        operations: measured.get(name) ?? {},
        ...(operationFailures.has(name) && { operationErrors: operationFailures.get(name) }),
        memory: deployment.front.memory(),
        ...(deployment.subgraphs.length > 0 && subgraphMemory && { subgraphMemory }),
      };
    }
  } catch (error) {
    const logs = servers
      .map((server) => `${server.name}:\n${tail(server.logPath, 8)}`)
      .join("\n");
    for (const name of running) {
      results[name] = { label: configurationLabels[name], operations: measured.get(name) ?? {}, error: `${(error as Error).message}\n${logs}` };
    }
  } finally {
    await group.stop();
  }
  return results;
}

async function databaseVersion(store: Store, database: BenchDatabase): Promise<string> {
  if (database.kind === "postgres") return serverVersion(database.url);
  const [row] = await store.prisma.$queryRawUnsafe<Array<{ version: string }>>("SELECT version()");
  return `PGlite (${row?.version ?? "?"})`;
}

async function main(options: BenchOptions): Promise<void> {
  const startedAt = new Date().toISOString();
  const workDir = mkdtempSync(join(tmpdir(), "hkhealth-bench-"));
  const logDir = join(workDir, "logs");
  mkdirSync(logDir);
  let database: BenchDatabase | undefined;
  let store: Store | undefined;
  const cleanup = async () => {
    await stopAllServers();
    await store?.close().catch(() => {});
    store = undefined;
    await database?.drop().catch((error: unknown) => log(`could not drop the benchmark database: ${(error as Error).message}`));
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    else log(`kept: ${workDir} (CSV files, server logs)${database ? ` and ${database.description}` : ""}`);
  };
  const interrupted = (signal: string) => {
    log(`${signal}: stopping every server the harness started`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    database = await openBenchDatabase(options.serverUrl, options.databaseName, options.keep);
    log(`store: ${database.description}; scale ${options.scale.name} (${options.scale.records} synthetic records), seed ${options.seed}`);
    store = await createStore(database.kind === "postgres" ? { databaseUrl: database.url, poolSize: options.poolSize } : { dataDir: database.dataDir });
    const version = await databaseVersion(store, database);
    const profileDir = join(workDir, "profiles");
    if (options.profile) mkdirSync(profileDir);
    const fill = await fillStore(store, database, options.scale, options.seed, workDir, log, (work) =>
      options.profile ? profiled(join(profileDir, "ingest.cpuprofile"), work) : work(),
    );

    const subgraphs = await buildAllSubgraphs();
    const queryFields = new Set(subgraphs.flatMap((subgraph) => Object.keys(subgraph.schema.getQueryType()?.getFields() ?? {})));
    log("counting SQL statements per request at page sizes 10, 100 and 1000");
    const statements = await countStatements(store, operationsFor(queryFields));
    for (const [operation, counts] of Object.entries(statements.counts)) {
      log(`  ${operation.padEnd(14)} ${counts.map((count) => `${count.size}: ${count.statements}`).join("  ")}`);
    }
    const notes: string[] = [];
    for (const [operation, why] of Object.entries(statements.failed)) {
      notes.push(`${operation} left out: our gateway could not answer it (${why.split("\n")[0]})`);
      log(`WARNING: ${notes.at(-1)}`);
    }
    const operations = operationsFor(queryFields).filter((operation) => !statements.failed[operation.name]);
    const floorStatements = join(workDir, "floor-statements.json");
    writeFileSync(
      floorStatements,
      JSON.stringify(Object.fromEntries(Object.entries(statements.floors).map(([name, statement]) => [name, { sql: statement.sql, params: serialisableParams(statement.params) }]))),
    );

    const typed = database.kind === "postgres" ? await prepareTypedFloor(database.url, operations, workDir) : undefined;
    if (typed) for (const [operation, ms] of Object.entries(typed.planMedians)) log(`  typed floor: ${operation} ${ms.toFixed(2)} ms (EXPLAIN ANALYZE, median of ${EXPLAIN_RUNS})`);
    let configurationsToRun = options.configurations;
    if (!typed && configurationsToRun.includes("typed-floor")) {
      configurationsToRun = configurationsToRun.filter((name) => name !== "typed-floor");
      notes.push("The typed-table floor (psql \\copy into typed tables) runs on PostgreSQL only (--database-url): left out on PGlite.");
    }

    const answers = join(workDir, "answers.json");
    writeFileSync(answers, JSON.stringify(statements.answers));

    let supergraphSdl = committedSupergraph();
    if (supergraphSdl.trim() !== composeSupergraph(subgraphs).trim()) {
      supergraphSdl = composeSupergraph(subgraphs);
      notes.push("The committed supergraph.graphql was stale (subgraphs changed since `pnpm compose`): Hive Gateway served a fresh composition.");
      log(`WARNING: ${notes.at(-1)}`);
    }
    // PGlite is one process's database: the store closes here so each server can open it in turn.
    await store.close();
    store = undefined;

    const context: DeploymentContext = {
      database,
      poolSize: options.poolSize,
      logDir,
      workDir,
      subgraphNames: subgraphs.map((subgraph) => subgraph.name),
      floorStatements,
      ...(typed && { typedStatements: typed.file }),
      supergraphSdl,
      answers,
    };
    // PGlite is one process's database: its configurations run one after another. On PostgreSQL
    // they run side by side, their rounds interleaved.
    const groups = database.kind === "postgres" && !options.sequential ? [configurationsToRun] : configurationsToRun.map((name) => [name]);
    const typedOperations = new Set(Object.keys(typed?.statements ?? {}));
    const configurations: BenchResults["configurations"] = {};
    for (const group of groups) Object.assign(configurations, await runGroup(group, context, operations, options, statements, typedOperations, profileDir));
    for (const result of Object.values(configurations)) if (result?.error) log(`${result.label}: FAILED: ${result.error}`);

    let mixed: MixedResult | undefined;
    let mixedFailed = false;
    if (options.configurations.includes("gateway-in-process-cached") && options.configurations.includes("gateway-in-process-uncached")) {
      if (database.kind === "postgres") {
        log("mixed workload: Zipf-drawn record pages, ingests every few seconds, cached and uncached gateway in turn");
        try {
          mixed = await runMixedWorkload(context, options.load, options.seed, log);
        } catch (error) {
          mixedFailed = true;
          notes.push(`The mixed workload failed: ${(error as Error).message}`);
          log(`WARNING: ${notes.at(-1)}`);
        }
      } else {
        notes.push("The mixed workload (ingests during the load) runs on PostgreSQL only (--database-url): a PGlite database belongs to one process.");
      }
    }

    const results: BenchResults = {
      startedAt,
      finishedAt: new Date().toISOString(),
      command: `pnpm bench ${process.argv.slice(2).join(" ")}`.trim(),
      scale: options.scale.name,
      machine: {
        cpus: availableParallelism(),
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        database: version,
        databaseKind: database.kind,
        poolSize: options.poolSize,
      },
      load: { ...options.load },
      fill,
      statements: {
        counts: statements.counts,
        constant: statements.constant,
        failed: statements.failed,
        plans: statements.plans,
        planMedians: statements.planMedians,
        floors: Object.fromEntries(Object.entries(statements.floors).map(([name, statement]) => [name, statement.sql])),
        ...(typed && {
          typedFloors: Object.fromEntries(Object.entries(typed.statements).map(([name, statement]) => [name, statement.sql])),
          typedPlanMedians: typed.planMedians,
          typedPlans: typed.plans,
        }),
      },
      configurations,
      ratios: computeRatios(configurations, fill, { ...statements, ...(typed && { typedPlanMedians: typed.planMedians }) }, options.scale.name, mixed),
      ...(mixed && { mixed }),
      notes,
      ...(options.profile && { profiles: summariseProfiles(profileDir) }),
    };
    console.log(`\n${formatReport(results)}\n`);
    const resultsDir = join(benchDir, "results");
    mkdirSync(resultsDir, { recursive: true });
    // One file per run: the minute it started, the scale, the database, and whether configurations were left out.
    const stamp = startedAt.slice(0, 16).replace(":", "");
    const partial = options.configurations.length < configurationNames.length ? "-partial" : "";
    const file = join(resultsDir, `${stamp}-${options.scale.name}-${database.kind}${partial}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${file}`);
    if (mixedFailed || Object.values(configurations).some((result) => result?.error)) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

let options: BenchOptions | undefined;
try {
  options = parseOptions(process.argv.slice(2).filter((argument) => argument !== "--"), readBenchEnvironment());
} catch (error) {
  if (error instanceof Error && error.message.startsWith("Invalid environment")) {
    console.error(error.message);
    process.exit(1);
  }
  if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
  console.error(`${error.message}\n\n${usage}`);
  process.exit(2);
}
if (!options) {
  console.log(usage);
} else {
  await main(options);
}
