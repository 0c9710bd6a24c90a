import { SpanKind, trace } from "@opentelemetry/api";
import { inSpan } from "./spans.js";

/** "SELECT", "INSERT", … : the statement's first word, a span name of few distinct values. */
function operationOf(sql: string): string {
  return /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "SQL";
}

/**
 * Runs one SQL statement in a span of its own (db.system, db.statement: Prisma sends statements
 * with placeholders, so no value is in the text), as a child of the span running now. Outside
 * a traced request (tracing off, migrations, ingest) there is no span running and nothing is made.
 */
export function traceStatement<T>(sql: string, send: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()) return send();
  const operation = operationOf(sql);
  const attributes = { "db.system": "postgresql", "db.statement": sql, "db.operation": operation };
  return inSpan("@hkhealth/store", operation, { kind: SpanKind.CLIENT, attributes }, send);
}
