import { buildAllSubgraphs, defaultGatewaySettings, startGateway } from "@hkhealth/gateway";
import type { Store } from "@hkhealth/store";
import { captureFloorStatement, type CapturedStatement } from "./floor-sql.js";
import type { Operation, OperationName } from "./operations.js";

export const PAGE_SIZES = [10, 100, 1000] as const;

export interface StatementCount {
  readonly size: number;
  readonly statements: number;
  readonly sql: readonly string[];
}

export interface StatementReport {
  readonly counts: Partial<Record<OperationName, StatementCount[]>>;
  /** Whether every operation sent as many statements at each page size. */
  readonly constant: Partial<Record<OperationName, boolean>>;
  /** The floor's statement for each operation that has one, checked to be among those the gateway sent. */
  readonly floors: Partial<Record<OperationName, CapturedStatement>>;
  /** Each operation's data at its load size: every configuration must answer the same. */
  readonly answers: Partial<Record<OperationName, unknown>>;
  /** Operations our gateway could not answer, with why: they are left out of the load. */
  readonly failed: Partial<Record<OperationName, string>>;
  /** EXPLAIN (ANALYZE, BUFFERS) of each floor statement, alone on the database: its own cost. */
  readonly plans: Partial<Record<OperationName, string[]>>;
  /** The median of EXPLAIN_RUNS EXPLAIN ANALYZE execution times of each floor statement, in ms. */
  readonly planMedians: Partial<Record<OperationName, number>>;
}

export const EXPLAIN_RUNS = 7;

type PlanRows = Array<{ "QUERY PLAN": string }>;

/** The median execution time EXPLAIN ANALYZE reports over EXPLAIN_RUNS runs (after one warm-up run). */
export async function medianExecutionMs(explainAnalyze: () => Promise<PlanRows>): Promise<number> {
  await explainAnalyze();
  const times: number[] = [];
  for (let run = 0; run < EXPLAIN_RUNS; run++) {
    const line = (await explainAnalyze()).map((row) => row["QUERY PLAN"]).find((text) => text.startsWith("Execution Time"));
    times.push(Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? Number.NaN));
  }
  return times.sort((a, b) => a - b)[Math.floor(EXPLAIN_RUNS / 2)] ?? Number.NaN;
}

/** The plan PostgreSQL chose for a statement and what running it cost (second run: cache warm). */
async function explain(store: Store, statement: CapturedStatement): Promise<string[]> {
  const run = () => store.prisma.$queryRawUnsafe<PlanRows>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, ...statement.params);
  await run();
  return (await run()).map((row) => row["QUERY PLAN"]);
}

interface GraphQLResponse {
  data?: unknown;
  errors?: Array<{ message: string }>;
}

/**
 * Runs each operation once per page size through our gateway in this process (subgraphs
 * in-process) and counts the SQL statements the store sent for it (store.sqlLog). Also checks
 * the floor's statement, built by the store's query builders, is one the gateway sent.
 */
export async function countStatements(store: Store, operations: readonly Operation[]): Promise<StatementReport> {
  // The response cache off: a size whose variables repeat another's (the capped catalogue, the
  // fixed hospitals) would be a hit and count no SQL.
  const settings = { ...defaultGatewaySettings, cache: { ...defaultGatewaySettings.cache, enabled: false } };
  const gateway = await startGateway({ store, subgraphs: await buildAllSubgraphs(), settings }, { port: 0, host: "127.0.0.1" });
  const send = async (operation: Operation, size: number) => {
    const { result, statements } = await store.sqlLog.record(async () => {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ query: operation.query, variables: operation.variables(size) }),
      });
      return (await response.json()) as GraphQLResponse;
    });
    if (result.errors?.length || result.data == null) {
      throw new Error(`${operation.name} at size ${size}: ${result.errors?.map((error) => error.message).join("; ") ?? "no data"}`);
    }
    return { data: result.data, statements };
  };

  const report: StatementReport = { counts: {}, constant: {}, floors: {}, answers: {}, failed: {}, plans: {}, planMedians: {} };
  try {
    for (const operation of operations) {
      try {
        // First: the answer every configuration must give, and the plan cache warm for the counts below.
        const reference = await send(operation, operation.loadSize);
        const counts: StatementCount[] = [];
        for (const size of PAGE_SIZES) {
          const { statements } = await send(operation, size);
          counts.push({ size, statements: statements.length, sql: statements });
        }
        if (operation.floor) {
          const floor = await captureFloorStatement(store, operation.floor(operation.loadSize));
          if (!reference.statements.includes(floor.sql)) {
            throw new Error(`the floor's SQL is not among the statements the gateway sent:\n${floor.sql}\n---\n${reference.statements.join("\n")}`);
          }
          report.floors[operation.name] = floor;
          report.plans[operation.name] = await explain(store, floor);
          report.planMedians[operation.name] = await medianExecutionMs(() =>
            store.prisma.$queryRawUnsafe<PlanRows>(`EXPLAIN ANALYZE ${floor.sql}`, ...floor.params),
          );
        }
        report.answers[operation.name] = reference.data;
        report.counts[operation.name] = counts;
        report.constant[operation.name] = new Set(counts.map((count) => count.statements)).size === 1;
      } catch (error) {
        report.failed[operation.name] = (error as Error).message;
      }
    }
    return report;
  } finally {
    await gateway.stop();
  }
}
