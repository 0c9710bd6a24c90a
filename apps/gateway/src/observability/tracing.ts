import type { TracingEnvironment } from "@hkhealth/config";
import { trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

/** The name of the gateway's tracer (and of each subgraph service's). */
export const GATEWAY_TRACER = "@hkhealth/gateway";

/** The gateway's tracer, asked for at each use (see `inSpan` in the store for why). */
export function gatewayTracer(): Tracer {
  return trace.getTracer(GATEWAY_TRACER);
}

let registered = false;

/** Whether a tracer provider was registered: without one, the request middleware does nothing at all. */
export function tracingRegistered(): boolean {
  return registered;
}

export interface Tracing {
  /** Sends the spans ended so far. */
  flush(): Promise<void>;
  /** Sends the spans still buffered and stops the SDK (the process's stop). */
  shutdown(): Promise<void>;
}

/**
 * Registers an OpenTelemetry tracer provider for the whole process: the span of each request,
 * its operation, subgraph fetches and SQL statements (made by our own code and @apollo/gateway
 * through @opentelemetry/api) reach `spanProcessors`, context follows async calls
 * (AsyncLocalStorage), and W3C traceparent headers are read and written.
 */
export function registerTracing(serviceName: string, spanProcessors: SpanProcessor[]): Tracing {
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }), spanProcessors });
  provider.register();
  registered = true;
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      await provider.shutdown();
      registered = false;
    },
  };
}

/**
 * Tracing as the environment asks: exported over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT,
 * named OTEL_SERVICE_NAME or `defaultServiceName`. Without an endpoint no SDK starts: the API's
 * no-op tracer stays in place and no span is ever made.
 */
export function startTracing(
  environment: TracingEnvironment,
  defaultServiceName: string,
): Tracing | undefined {
  const endpoint = environment.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
  return registerTracing(serviceNameOf(environment, defaultServiceName), [new BatchSpanProcessor(exporter)]);
}

/** OTEL_SERVICE_NAME when set, the process's own name otherwise. */
export function serviceNameOf(environment: Pick<TracingEnvironment, "OTEL_SERVICE_NAME">, defaultServiceName: string): string {
  return environment.OTEL_SERVICE_NAME ?? defaultServiceName;
}
