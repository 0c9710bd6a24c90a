import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assignRequestId, REQUEST_ID_ATTRIBUTE } from "../../src/observability/request-id.js";
import { operationSpanPlugin, traceRequests } from "../../src/observability/request-spans.js";
import { registerTracing, type Tracing } from "../../src/observability/tracing.js";
import { graphsStoppedAfterAll } from "./in-memory-graph.js";

// The request's server span (traceRequests) and the plugin that names it after its operation
// (operationSpanPlugin), traced into memory on an inline schema: no socket, no database.

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
const startGraph = graphsStoppedAfterAll();

beforeAll(() => {
  tracing = registerTracing("in-memory", [new SimpleSpanProcessor(exporter)]);
});
afterAll(async () => {
  await tracing?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});
beforeEach(() => exporter.reset());

async function tracedGraph(withPlugin: boolean) {
  const graph = await startGraph({
    first: [
      (request, response, next) => {
        assignRequestId(request, response);
        next();
      },
    ],
    before: [traceRequests],
    apollo: { plugins: withPlugin ? [operationSpanPlugin] : [] },
  });
  return graph;
}

/** The one span the request made: ended when its response closed. */
async function spanOf(requestId: string) {
  const find = () => exporter.getFinishedSpans().filter((span) => span.attributes[REQUEST_ID_ATTRIBUTE] === requestId);
  for (let attempt = 0; attempt < 50 && find().length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  const spans = find();
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

describe("a request's span, in memory", () => {
  it("is named after its operation, with the operation's name and type", async () => {
    await (await tracedGraph(true)).post({ query: "query Codes { agencies { code } }" }, { "x-request-id": "span-1" });
    const span = await spanOf("span-1");
    expect(span.name).toBe("query Codes");
    expect(span.attributes).toMatchObject({ "graphql.operation.type": "query", "graphql.operation.name": "Codes", "http.response.status_code": 200 });
    expect(span.status.code).toBe(0);
  });

  it("records the errors the client receives, and its status says so", async () => {
    await (await tracedGraph(true)).post({ query: "query Failing { failing }" }, { "x-request-id": "span-2" });
    const span = await spanOf("span-2");
    expect(span.events.map((event) => event.attributes?.["exception.message"])).toEqual([expect.stringContaining("ECONNREFUSED")]);
    expect(span.status).toMatchObject({ code: 2 });
  });

  it("control: without the plugin, the span keeps the HTTP name and knows nothing of the operation", async () => {
    await (await tracedGraph(false)).post({ query: "query Codes { agencies { code } }" }, { "x-request-id": "span-3" });
    const span = await spanOf("span-3");
    expect(span.name).toBe("POST /graphql");
    expect(span.attributes["graphql.operation.name"]).toBeUndefined();
  });
});
