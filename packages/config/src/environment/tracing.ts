import { z } from "zod";
import { httpUrl } from "./values.js";

/** OpenTelemetry, for the gateway and the subgraph services. */
export const tracing = {
  /** An OTLP/HTTP collector (traces go to <endpoint>/v1/traces); without it no tracing SDK starts. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl("must be an http(s):// URL such as http://collector:4318").optional(),
  /** The service name on every span; by default hkhealth-gateway, or hkhealth-subgraph-<name>. */
  OTEL_SERVICE_NAME: z.string().trim().min(1).max(200).optional(),
};

export type TracingEnvironment = z.output<z.ZodObject<typeof tracing>>;
