import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import type { Store } from "@hkhealth/store";
import { serveSubgraph, type ServedSubgraph, type Subgraph } from "@hkhealth/subgraph-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REQUEST_ID_ATTRIBUTE } from "../src/observability/request-id.js";
import { operationSpanPlugin, traceRequests } from "../src/observability/request-spans.js";
import { SUBGRAPH_ATTRIBUTE } from "../src/subgraphs/subgraph-fetch-spans.js";
import { registerTracing, type Tracing } from "../src/observability/tracing.js";
import { startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

// One query crossing two subgraphs (the plan's dataset, the records subgraph's fields of it),
// traced into memory: in-process, and with the records subgraph served over HTTP.
const crossing = `query Crossing { dataset(id: "ha-aed-waiting-time") { id title fields { name type } } }`;

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let store: Store;
let subgraphs: Subgraph[];

beforeAll(async () => {
  tracing = registerTracing("hkhealth-gateway", [new SimpleSpanProcessor(exporter)]);
  ({ store, subgraphs } = await storeWithPlan());
});
afterAll(async () => {
  await store?.close();
  await tracing?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});
beforeEach(() => exporter.reset());

const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** The spans of the trace whose root carries this request id, once its root has ended (bounded wait). */
async function traceOf(requestId: string): Promise<{ root: ReadableSpan; spans: ReadableSpan[] }> {
  const rootOf = () => exporter.getFinishedSpans().find((span) => span.attributes[REQUEST_ID_ATTRIBUTE] === requestId && !span.parentSpanContext);
  for (let attempt = 0; attempt < 250 && !rootOf(); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  const root = rootOf();
  if (!root) throw new Error(`no root span with request id ${requestId}: ${JSON.stringify(exporter.getFinishedSpans().map((span) => [span.name, span.attributes, span.parentSpanContext?.spanId]))}`);
  return { root, spans: exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === root.spanContext().traceId) };
}

/** Whether `ancestor` is `span`'s parent, or its parent's, and so on. */
function descends(span: ReadableSpan, ancestor: ReadableSpan, spans: ReadableSpan[]): boolean {
  const byId = new Map(spans.map((each) => [idOf(each), each]));
  for (let current = byId.get(parentOf(span) ?? ""); current; current = byId.get(parentOf(current) ?? "")) {
    if (current === ancestor) return true;
  }
  return false;
}

function expectOneTrace(root: ReadableSpan, spans: ReadableSpan[]) {
  expect(root.name).toBe("query Crossing");
  expect(root.attributes).toMatchObject({
    [REQUEST_ID_ATTRIBUTE]: expect.any(String),
    "graphql.operation.name": "Crossing",
    "graphql.operation.type": "query",
    "http.response.status_code": 200,
  });
  // Every span has its parent in the trace, up to the root: no orphan, no second trace.
  const ids = new Set(spans.map(idOf));
  for (const span of spans) if (span !== root) expect(ids.has(parentOf(span)!), `parent of ${span.name}`).toBe(true);

  const fetches = spans.filter((span) => span.name.startsWith("fetch "));
  expect(fetches.map((span) => span.attributes[SUBGRAPH_ATTRIBUTE]).sort()).toEqual(["plan", "records"]);
  for (const fetch of fetches) expect(descends(fetch, root, spans)).toBe(true);

  const statements = spans.filter((span) => span.attributes["db.system"] === "postgresql");
  expect(statements.length).toBeGreaterThanOrEqual(2);
  for (const statement of statements) {
    expect(statement.attributes["db.statement"]).toEqual(expect.stringMatching(/^\s*(SELECT|WITH)\b/i));
    // Prisma binds values as parameters: the dataset's id is not in the text.
    expect(statement.attributes["db.statement"]).not.toContain("ha-aed-waiting-time");
  }
  // Each subgraph's statements are under its fetch.
  for (const fetch of fetches) expect(statements.some((statement) => descends(statement, fetch, spans)), `SQL under ${fetch.name}`).toBe(true);
  return { fetches, statements };
}

describe("tracing, in-process", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ store, subgraphs });
  });
  afterAll(async () => gateway?.close());

  it("makes one trace: the operation, each subgraph fetch and the SQL statements, with the request id on the root", async () => {
    const response = await gateway.post(crossing, { headers: { "x-request-id": "trace-in-process" } });
    expect(response.body.errors).toBeUndefined();
    const { root, spans } = await traceOf("trace-in-process");
    expect(root.attributes[REQUEST_ID_ATTRIBUTE]).toBe("trace-in-process");
    expectOneTrace(root, spans);
  });

  it("records the errors the client receives on the operation's span", async () => {
    await gateway.post(`query Broken { dataset(id: "ha-aed-waiting-time") { records(first: 100000) { totalCount } } }`, {
      headers: { "x-request-id": "trace-error" },
    });
    const { root } = await traceOf("trace-error");
    expect(root.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(root.events.map((event) => event.attributes?.["exception.type"])).toContain("QUERY_LIMIT_EXCEEDED");
  });
});

describe("tracing across processes (W3C traceparent)", () => {
  let served: ServedSubgraph;
  let gateway: TestGateway;
  beforeAll(async () => {
    // The records subgraph as its own HTTP service, set up as `pnpm start:subgraph` sets it up.
    served = await serveSubgraph(subgraphs.find((subgraph) => subgraph.name === "records")!, store, {
      port: 0,
      host: "127.0.0.1",
      plugins: [operationSpanPlugin],
      beforeGraphQL: [traceRequests],
    });
    gateway = await startTestGateway({ store, subgraphs, subgraphUrls: { records: served.url } });
  });
  afterAll(async () => {
    await gateway?.close();
    await served?.stop();
  });

  it("continues the gateway's trace in the subgraph service, under the fetch that called it", async () => {
    const response = await gateway.post(crossing, { headers: { "x-request-id": "trace-distributed" } });
    expect(response.body.errors).toBeUndefined();
    const { root, spans } = await traceOf("trace-distributed");
    const { fetches } = expectOneTrace(root, spans);
    const recordsFetch = fetches.find((span) => span.attributes[SUBGRAPH_ATTRIBUTE] === "records")!;
    const service = spans.find((span) => span !== root && span.kind === 1 /* SERVER */);
    expect(service, "the subgraph service's request span").toBeDefined();
    expect(parentOf(service!)).toBe(idOf(recordsFetch));
    // The service got the request id too, and ran the fetch's operation.
    expect(service!.attributes[REQUEST_ID_ATTRIBUTE]).toBe("trace-distributed");
    expect(service!.attributes["graphql.operation.type"]).toBe("query");
  });
});

describe("tracing a failed subgraph fetch", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Port 1 on 127.0.0.1: nothing listens, the connection is refused.
    gateway = await startTestGateway({ store, subgraphs, subgraphUrls: { records: "http://127.0.0.1:1/graphql" } });
  });
  afterAll(async () => gateway?.close());

  it("records the failure on the fetch's span, and the error the client gets on the root", async () => {
    await gateway.post(crossing, { headers: { "x-request-id": "trace-subgraph-down" } });
    const { root, spans } = await traceOf("trace-subgraph-down");
    const fetch = spans.find((span) => span.attributes[SUBGRAPH_ATTRIBUTE] === "records")!;
    expect(fetch.status).toMatchObject({ code: 2, message: expect.stringContaining('Subgraph "records" is unavailable') });
    expect(fetch.events.map((event) => event.name)).toContain("exception");
    expect(root.status.code).toBe(2);
    expect(root.events.map((event) => event.attributes?.["exception.type"])).toContain("SUBGRAPH_UNAVAILABLE");
  });
});
