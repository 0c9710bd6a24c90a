import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

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
  // Asked for at each use: one kept from before the SDK registered stays a no-op (see the gateway's tracing.ts).
  return trace.getTracer("@hkhealth/store").startActiveSpan(
    operation,
    { kind: SpanKind.CLIENT, attributes: { "db.system": "postgresql", "db.statement": sql, "db.operation": operation } },
    async (span) => {
      try {
        return await send();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
