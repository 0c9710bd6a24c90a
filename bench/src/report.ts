import type { FillReport } from "./fill/fill-store.js";
import { formatProfiles, type ProfileSummary } from "./profile-summary.js";
import type { LoadFigures } from "./load/driver.js";
import type { ProcessMemory } from "./memory.js";
import type { ConfigurationName } from "./options.js";
import type { OperationName } from "./operations.js";
import type { StatementReport } from "./sql-counts.js";
import type { MixedResult } from "./mixed/run-mixed.js";

export interface OperationResult extends LoadFigures {
  /** The first response's data equals configuration 1's (the floor: it returned rows). */
  readonly sameAnswer: boolean;
}

export interface ConfigurationResult {
  readonly label: string;
  readonly startSeconds?: number;
  readonly operations: Partial<Record<OperationName, OperationResult>>;
  /** Operations this configuration could not answer, with why (not measured). */
  readonly operationErrors?: Partial<Record<OperationName, string>>;
  /** The server the load went to (with any processes it forked). */
  readonly memory?: ProcessMemory;
  /** Subgraph services behind it, summed. */
  readonly subgraphMemory?: ProcessMemory;
  readonly error?: string;
}

export interface Ratio {
  readonly name: string;
  readonly value: number | null;
  readonly target: string;
  readonly met: boolean | null;
  readonly detail?: string;
}

export interface BenchResults {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly command: string;
  readonly scale: string;
  readonly machine: Record<string, string | number>;
  readonly load: Record<string, number>;
  readonly fill: FillReport;
  readonly statements: Omit<StatementReport, "floors" | "answers"> & {
    floors: Record<string, string>;
    /** The typed floor's hand-written statements and their EXPLAIN ANALYZE medians (PostgreSQL only). */
    typedFloors?: Record<string, string>;
    typedPlanMedians?: Partial<Record<OperationName, number>>;
    typedPlans?: Partial<Record<OperationName, string[]>>;
  };
  readonly configurations: Partial<Record<ConfigurationName, ConfigurationResult>>;
  readonly ratios: readonly Ratio[];
  /** The mixed workload with ingests (PostgreSQL only). */
  readonly mixed?: MixedResult;
  readonly notes: readonly string[];
  /** With --profile: where each server's CPU time went. */
  readonly profiles?: Record<string, ProfileSummary>;
}

/** A figure with `digits` decimals, "-" when there is none. */
export const fixed = (value: number | undefined, digits = 1) => (value === undefined || Number.isNaN(value) ? "-" : value.toFixed(digits));

function geometricMean(values: readonly number[]): number | null {
  if (values.length === 0 || values.some((value) => !(value > 0))) return null;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

/** The requests/s ratio of two configurations: per operation, and their geometric mean. */
function throughputRatio(
  results: BenchResults["configurations"],
  over: ConfigurationName,
  under: ConfigurationName,
  name: string,
  target: number,
): Ratio {
  const a = results[over]?.operations ?? {};
  const b = results[under]?.operations ?? {};
  const perOperation = (Object.keys(a) as OperationName[])
    .filter((operation) => b[operation] && !a[operation]?.errors && !b[operation]?.errors)
    .map((operation) => [operation, (a[operation]?.requestsPerSecond ?? 0) / (b[operation]?.requestsPerSecond ?? 1)] as const);
  const value = geometricMean(perOperation.map(([, ratio]) => ratio));
  return {
    name,
    value,
    target: `>= ${target}`,
    met: value === null ? null : value >= target,
    detail: perOperation.map(([operation, ratio]) => `${operation} ${ratio.toFixed(2)}`).join(", "),
  };
}

/** p50 of `configuration` over a floor's (the raw SQL by default), against the largest ratio allowed. */
function latencyRatio(
  results: BenchResults["configurations"],
  configuration: ConfigurationName,
  operation: OperationName,
  scale: string,
  floor: { readonly name: ConfigurationName; readonly label: string; readonly most: number } = { name: "raw-sql", label: "raw SQL", most: 3 },
): Ratio {
  const ours = results[configuration]?.operations[operation];
  const floorFigures = results[floor.name]?.operations[operation];
  const value = ours && floorFigures && !ours.errors && !floorFigures.errors ? ours.p50 / floorFigures.p50 : null;
  return {
    name: `${operation} p50: ${configuration} / ${floor.label} (${scale})`,
    value,
    target: `<= ${floor.most}`,
    met: value === null ? null : value <= floor.most,
    ...(ours && floorFigures && { detail: `${fixed(ours.p50, 2)} ms vs ${fixed(floorFigures.p50, 2)} ms` }),
  };
}

/** The configuration issue 13's latency targets compare with the typed floor: ours with nothing shared. */
const NOT_SHARED: ConfigurationName = "gateway-in-process-uncached";

/**
 * Issue 13's targets against the typed-table floor: p50 through our gateway (fetches not shared)
 * <= 2x the floor's, our statement's EXPLAIN ANALYZE median <= 3x the typed statement's, and
 * ingest >= 0.5x psql \copy into the typed, indexed table.
 */
export function typedFloorRatios(
  results: BenchResults["configurations"],
  fill: FillReport,
  plans: { readonly ours: Partial<Record<OperationName, number>>; readonly typed?: Partial<Record<OperationName, number>> },
  scale: string,
): Ratio[] {
  const operations: OperationName[] = ["recordPage", "aedHistory"];
  const latency = operations.map((operation) => latencyRatio(results, NOT_SHARED, operation, scale, { name: "typed-floor", label: "typed floor", most: 2 }));
  const statement = operations.map((operation): Ratio => {
    const ours = plans.ours[operation];
    const typed = plans.typed?.[operation];
    const value = ours !== undefined && typed !== undefined && typed > 0 ? ours / typed : null;
    return {
      name: `${operation} statement: ours / typed (EXPLAIN ANALYZE, median of 7)`,
      value,
      target: "<= 3",
      met: value === null ? null : value <= 3,
      detail: typed === undefined ? "no typed tables on PGlite" : `${fixed(ours, 3)} ms vs ${fixed(typed, 3)} ms`,
    };
  });
  const ingest = fill.ingest.all;
  const copy = fill.typedCopy?.all;
  const value = ingest && copy ? ingest.recordsPerSecond / copy.recordsPerSecond : null;
  const ingestRatio: Ratio = {
    name: "ingest records/s / psql \\copy into the typed table",
    value,
    target: ">= 0.5",
    met: value === null ? null : value >= 0.5,
    detail: copy ? `${Math.round(ingest?.recordsPerSecond ?? 0)} vs ${Math.round(copy.recordsPerSecond)} records/s (indexes included)` : "no psql \\copy on PGlite",
  };
  return [...latency, ...statement, ingestRatio];
}

export function computeRatios(
  results: BenchResults["configurations"],
  fill: FillReport,
  // Results written before issue 13's figures have no plan medians.
  statements: Pick<StatementReport, "counts" | "constant"> & Partial<Pick<StatementReport, "planMedians">> & { readonly typedPlanMedians?: Partial<Record<OperationName, number>> },
  scale: string,
  mixed?: MixedResult,
): Ratio[] {
  const ratios: Ratio[] = [
    throughputRatio(results, "gateway-in-process", "monolith", "req/s: in-process gateway / monolith (geometric mean)", 0.8),
    throughputRatio(
      results,
      "gateway-in-process-unshared",
      "monolith",
      "req/s: in-process gateway, fetches not shared / monolith (geometric mean)",
      0.8,
    ),
    throughputRatio(results, "gateway-http-subgraphs", "hive-gateway", "req/s: HTTP-subgraph gateway / Hive Gateway (geometric mean)", 1),
    throughputRatio(
      results,
      "gateway-http-unshared",
      "hive-gateway-no-dedup",
      "req/s: HTTP-subgraph gateway / Hive Gateway, neither sharing in-flight fetches (geometric mean)",
      1,
    ),
    // Issue 14's targets: cached answers against the same gateway uncached, and against the bytes alone.
    throughputRatio(results, "gateway-in-process-cached", "gateway-in-process-uncached", "req/s: cached gateway / uncached, fetches not shared (geometric mean)", 10),
    throughputRatio(results, "gateway-in-process-cached", "hive-gateway-cached", "req/s: cached gateway / Hive Gateway with its response cache (geometric mean)", 1.5),
    throughputRatio(results, "gateway-in-process-cached", "answer-floor", "req/s: cached gateway / node:http sending the answer's bytes (geometric mean)", 0.3),
    // The floor shares nothing: the like-for-like latency is our gateway's without sharing.
    latencyRatio(results, "gateway-in-process-unshared", "recordPage", scale),
    latencyRatio(results, "gateway-in-process-unshared", "aggregate", scale),
    latencyRatio(results, "gateway-in-process", "recordPage", scale),
    latencyRatio(results, "gateway-in-process", "aggregate", scale),
    latencyRatio(results, "gateway-http-subgraphs", "recordPage", scale),
    latencyRatio(results, "gateway-http-subgraphs", "aggregate", scale),
  ];
  if (mixed) ratios.push(...mixedRatios(mixed));
  const allConstant = Object.values(statements.constant).every(Boolean);
  ratios.push({
    name: "SQL statements per request independent of page size",
    value: null,
    target: "constant",
    met: allConstant,
    detail: Object.entries(statements.counts)
      .map(([operation, counts]) => `${operation} ${counts.map((count) => count.statements).join("/")}`)
      .join(", "),
  });
  const ingest = fill.ingest.all;
  const copy = fill.copy?.all;
  const value = ingest && copy ? ingest.recordsPerSecond / copy.recordsPerSecond : null;
  ratios.push({
    name: "ingest records/s / psql \\copy records/s (synthetic CSV)",
    value,
    target: ">= 0.3",
    met: value === null ? null : value >= 0.3,
    detail: copy ? `${Math.round(ingest?.recordsPerSecond ?? 0)} vs ${Math.round(copy.recordsPerSecond)} records/s` : "no psql \\copy on PGlite",
  });
  const realCsv = fill.realFiles.filter((file) => file.copy && file.records);
  if (realCsv.length > 0) {
    const records = realCsv.reduce((sum, file) => sum + (file.records ?? 0), 0);
    const seconds = realCsv.reduce((sum, file) => sum + (file.seconds ?? 0), 0);
    const copyRecords = realCsv.reduce((sum, file) => sum + (file.copy?.records ?? 0), 0);
    const copySeconds = realCsv.reduce((sum, file) => sum + (file.copy?.seconds ?? 0), 0);
    const realValue = records / seconds / (copyRecords / copySeconds);
    ratios.push({
      name: "ingest records/s / psql \\copy records/s (real CSV files)",
      value: realValue,
      target: ">= 0.3",
      met: realValue >= 0.3,
      detail: `${Math.round(records / seconds)} vs ${Math.round(copyRecords / copySeconds)} records/s`,
    });
  }
  ratios.push(...typedFloorRatios(results, fill, { ours: statements.planMedians ?? {}, ...(statements.typedPlanMedians && { typed: statements.typedPlanMedians }) }, scale));
  return ratios;
}

/** Issue 14's targets for the mixed workload: throughput with ingests running, and no stale answer. */
export function mixedRatios(mixed: MixedResult): Ratio[] {
  const value = mixed.uncached.requestsPerSecond > 0 ? mixed.cached.requestsPerSecond / mixed.uncached.requestsPerSecond : null;
  return [
    {
      name: "req/s: mixed workload with ingests, cached gateway / uncached",
      value,
      target: ">= 3",
      met: value === null || mixed.cached.errors + mixed.uncached.errors > 0 ? null : value >= 3,
      detail: `${fixed(mixed.cached.requestsPerSecond)} vs ${fixed(mixed.uncached.requestsPerSecond)} req/s, ${mixed.variableSets} variable sets (Zipf s=${mixed.zipfExponent}), ${mixed.ingest.ingests} ingests`,
    },
    {
      name: "stale answers after an ingest's commit (mixed workload)",
      value: mixed.stale.stale,
      target: "= 0",
      met: mixed.stale.checked === 0 ? null : mixed.stale.stale === 0,
      detail: `${mixed.stale.checked} answers compared, ${mixed.stale.unchecked} not compared`,
    },
  ];
}

/** The mixed workload's lines of the report. */
export function formatMixed(mixed: MixedResult): string {
  const row = (name: string, figures: LoadFigures) => `${name}: ${fixed(figures.requestsPerSecond)} req/s, p50 ${fixed(figures.p50, 2)} ms, p99 ${fixed(figures.p99, 2)} ms, errors ${figures.errors}`;
  return [
    `Mixed workload: ${mixed.variableSets} record-page variable sets (Zipf s=${mixed.zipfExponent}), a file ingested into the wide dataset every ${mixed.ingestIntervalSeconds} s ` +
      `(${mixed.ingest.ingests} ingests of ${mixed.ingest.records} records, ${fixed(mixed.ingest.meanSeconds, 2)} s each${mixed.ingest.error ? `; FAILED: ${mixed.ingest.error}` : ""})`,
    row("  cached (1c)", mixed.cached),
    row("  uncached (1d)", mixed.uncached),
    `  stale check: ${mixed.stale.checked} answers compared with an uncached answer of the same version, ${mixed.stale.stale} stale, ${mixed.stale.unchecked} not compared` +
      (mixed.stale.staleWithinMs !== undefined ? `\n  every stale answer came back within ${fixed(mixed.stale.staleWithinMs)} ms of its ingest's commit` : "") +
      (mixed.stale.firstStale ? `\n  first stale: ${mixed.stale.firstStale}` : ""),
  ].join("\n");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** The report printed at the end of a run (BENCHMARKS.md shows the same tables). */
export function formatReport(results: BenchResults): string {
  const parts: string[] = [];
  parts.push(`Benchmark ${results.scale} at ${results.finishedAt} on ${results.machine.database}`);
  parts.push(
    `machine: ${results.machine.cpus} x ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; ` +
      `load: ${results.load.connections} connections, ${results.load.warmupSeconds} s warm-up, ${results.load.rounds} x ${results.load.roundSeconds} s rounds`,
  );
  const { fill } = results;
  const ingestRows = Object.entries(fill.ingest).map(([dataset, figures]) => [
    dataset,
    String(figures.records),
    fixed(figures.seconds, 2),
    String(Math.round(figures.recordsPerSecond)),
    fill.copy?.[dataset] ? String(Math.round(fill.copy[dataset].recordsPerSecond)) : "-",
    fill.typedCopy?.[dataset] ? String(Math.round(fill.typedCopy[dataset].recordsPerSecond)) : "-",
  ]);
  for (const file of fill.realFiles) {
    ingestRows.push([
      file.path,
      file.error ? "error" : String(file.records),
      fixed(file.seconds, 2),
      file.recordsPerSecond ? String(Math.round(file.recordsPerSecond)) : file.error?.slice(0, 60) ?? "-",
      file.copy ? String(Math.round(file.copy.recordsPerSecond)) : "-",
      "-",
    ]);
  }
  parts.push(`\nIngest (ingestFile; psql \\copy into a plain text table where PostgreSQL)\n${table(["data", "records", "seconds", "records/s", "\\copy records/s", "\\copy into typed table records/s"], ingestRows)}`);

  const statementRows = Object.entries(results.statements.counts).map(([operation, counts]) => [
    operation,
    ...counts.map((count) => String(count.statements)),
    results.statements.constant[operation as OperationName] ? "yes" : "NO",
  ]);
  parts.push(`\nSQL statements per request (store.sqlLog, our gateway in-process)\n${table(["operation", "size 10", "size 100", "size 1000", "constant"], statementRows)}`);
  const plans = Object.entries(results.statements.plans).map(
    ([operation, plan]) => `${operation}: ${plan.find((line) => line.startsWith("Execution Time")) ?? "?"} alone (EXPLAIN ANALYZE; plan in the JSON)`,
  );
  const typedPlans = Object.entries(results.statements.typedPlanMedians ?? {}).map(
    ([operation, ms]) => `${operation} (typed floor): ${fixed(ms, 3)} ms, median of 7 (ours: ${fixed(results.statements.planMedians?.[operation as OperationName], 3)} ms)`,
  );
  if (plans.length) parts.push(`\nThe floor's statements, one at a time\n${[...plans, ...typedPlans].join("\n")}`);

  for (const [name, result] of Object.entries(results.configurations)) {
    if (!result) continue;
    const memory = result.memory ? `peak RSS ${fixed(result.memory.peakRssMiB, 0)} MiB` : "";
    const subgraphs = result.subgraphMemory ? `, subgraph services ${fixed(result.subgraphMemory.peakRssMiB, 0)} MiB` : "";
    const heading = `\n${result.label} [${name}] ${memory}${subgraphs}${result.startSeconds ? `, ready in ${fixed(result.startSeconds)} s` : ""}`;
    if (result.error) {
      parts.push(`${heading}\n  FAILED: ${result.error}`);
      continue;
    }
    const rows = Object.entries(result.operations).map(([operation, figures]) => [
      operation,
      fixed(figures.requestsPerSecond),
      fixed(figures.p50, 2),
      fixed(figures.p95, 2),
      fixed(figures.p99, 2),
      String(figures.errors),
      figures.sameAnswer ? "yes" : "NO",
    ]);
    for (const [operation, error] of Object.entries(result.operationErrors ?? {})) rows.push([operation, "FAILED", error.slice(0, 100), "", "", "", ""]);
    parts.push(`${heading}\n${table(["operation", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "same data"], rows)}`);
  }

  if (results.mixed) parts.push(`\n${formatMixed(results.mixed)}`);
  const ratioRows = results.ratios.map((ratio) => [
    ratio.name,
    ratio.value === null ? "-" : ratio.value.toFixed(2),
    ratio.target,
    ratio.met === null ? "n/a" : ratio.met ? "met" : "MISSED",
    ratio.detail ?? "",
  ]);
  parts.push(`\nRatios\n${table(["ratio", "value", "target", "", "detail"], ratioRows)}`);
  if (results.profiles) parts.push(`\nCPU profiles\n${formatProfiles(results.profiles)}`);
  if (results.notes.length) parts.push(`\nNotes\n${results.notes.map((note) => `- ${note}`).join("\n")}`);
  return parts.join("\n");
}
