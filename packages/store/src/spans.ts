import { SpanStatusCode, trace, type Span, type SpanOptions } from "@opentelemetry/api";

/** Marks a span failed, with the error recorded on it. */
function recordFailure(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
}

/**
 * Runs `work` in a new span, the active one for what `work` calls, which ends when `work` does;
 * a failure is recorded on it and thrown on. The tracer is asked for at each use: one kept from
 * before the SDK registered stays a no-op when the API is loaded twice (ESM for our code,
 * CommonJS for the SDK), since only the copy that registered hands the provider to its early tracers.
 */
export function inSpan<T>(tracerName: string, name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(tracerName).startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
