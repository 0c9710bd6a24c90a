import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { inSpan } from "@hkhealth/store";
import type { SubgraphResponse } from "./shared-fetches.js";
import { GATEWAY_TRACER } from "../observability/tracing.js";

/** The attribute naming the subgraph a fetch went to. */
export const SUBGRAPH_ATTRIBUTE = "hkhealth.subgraph";

/**
 * Runs each fetch to a subgraph in a span of its own (`fetch <subgraph>`), the parent of what the
 * fetch does: an in-process subgraph's SQL statements, or a remote one's HTTP request, which
 * carries the span on to the service in its traceparent header. Outside a traced request
 * (tracing off, the schema's load) it only passes the fetch on.
 */
export class TracedDataSource implements GraphQLDataSource {
  constructor(
    private readonly name: string,
    private readonly source: GraphQLDataSource,
  ) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    if (!trace.getActiveSpan()) return this.source.process(options) as Promise<SubgraphResponse>;
    const attributes = { [SUBGRAPH_ATTRIBUTE]: this.name, ...(options.request.operationName && { "graphql.operation.name": options.request.operationName }) };
    return inSpan(GATEWAY_TRACER, `fetch ${this.name}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const response = (await this.source.process(options)) as SubgraphResponse;
      if (response.errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: response.errors.map((error) => error.message).join("; ") });
      return response;
    });
  }
}
