import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { CapturedStatement } from "../floor-sql.js";
import type { Operation, OperationName } from "../operations.js";
import { medianExecutionMs } from "../sql-counts.js";
import { typedStatements } from "./typed-statements.js";

export interface TypedFloor {
  /** JSON file of the statements by operation name, for the floor's server. */
  readonly file: string;
  readonly statements: Partial<Record<OperationName, CapturedStatement>>;
  /** EXPLAIN ANALYZE median execution time of each statement, in ms. */
  readonly planMedians: Partial<Record<OperationName, number>>;
  /** The plan of each statement (EXPLAIN ANALYZE, one more run). */
  readonly plans: Partial<Record<OperationName, string[]>>;
}

/** The typed floor's statements for the operations being run, written for its server and timed alone. */
export async function prepareTypedFloor(url: string, operations: readonly Operation[], workDir: string): Promise<TypedFloor> {
  const recordPage = operations.find((operation) => operation.name === "recordPage");
  const all = typedStatements(recordPage?.loadSize ?? 20);
  const statements = Object.fromEntries(
    operations.flatMap((operation) => (all[operation.name] ? [[operation.name, all[operation.name]] as const] : [])),
  ) as TypedFloor["statements"];
  const file = join(workDir, "typed-statements.json");
  writeFileSync(file, JSON.stringify(statements));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const planMedians: TypedFloor["planMedians"] = {};
    const plans: TypedFloor["plans"] = {};
    for (const [name, statement] of Object.entries(statements)) {
      const explainAnalyze = async () => (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ANALYZE ${statement.sql}`, [...statement.params])).rows;
      planMedians[name as OperationName] = await medianExecutionMs(explainAnalyze);
      plans[name as OperationName] = (await explainAnalyze()).map((row) => row["QUERY PLAN"]);
    }
    return { file, statements, planMedians, plans };
  } finally {
    await client.end();
  }
}
