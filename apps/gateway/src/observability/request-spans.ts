import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { RequestHandler } from "express";
import { requestIdAttributes } from "./request-id.js";
import { gatewayTracer, tracingRegistered } from "./tracing.js";

/**
 * Runs the rest of a /graphql request in a server span: the root of the trace at the gateway, or
 * a child of the caller's span when a W3C `traceparent` header came with it (a subgraph service
 * called by the gateway). Mounted after body parsing, just before Apollo, so that every callback
 * of the request runs in the span's context; a no-op while no tracing SDK is registered.
 */
export const traceRequests: RequestHandler = (request, response, next) => {
  if (!tracingRegistered()) return next();
  const parent = propagation.extract(context.active(), request.headers);
  const span = gatewayTracer().startSpan(
    `${request.method} /graphql`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": request.method,
        "url.path": request.originalUrl.split("?")[0] ?? "/graphql",
        ...requestIdAttributes(request),
      },
    },
    parent,
  );
  if (!span.isRecording()) return next();
  response.once("close", () => {
    span.setAttribute("http.response.status_code", response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.statusCode}` });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
};

/**
 * Names the request's span after its operation (`query Catalogue`), with the operation's name
 * and type as attributes, and records the errors the client receives on it.
 */
export const operationSpanPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return;
    return {
      async didResolveOperation({ operationName, operation }) {
        if (!operation) return;
        const type = operation.operation;
        span.updateName(operationName ? `${type} ${operationName}` : type);
        span.setAttribute("graphql.operation.type", type);
        if (operationName) span.setAttribute("graphql.operation.name", operationName);
      },
      async willSendResponse({ response }) {
        const body = response.body;
        const errors = (body.kind === "single" ? body.singleResult.errors : body.initialResult.errors) ?? [];
        for (const error of errors) {
          span.addEvent("exception", {
            "exception.type": String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
            "exception.message": error.message,
          });
        }
        if (errors.length > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: errors.map((error) => error.message).join("; ") });
      },
    };
  },
};
