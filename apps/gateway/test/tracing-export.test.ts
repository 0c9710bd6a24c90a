import { createServer, type Server } from "node:http";
import { context, propagation, trace } from "@opentelemetry/api";
import { readGatewayEnvironment, readSubgraphServiceEnvironment } from "@hkhealth/config";
import type { Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceNameOf, startTracing, tracingRegistered } from "../src/observability/tracing.js";
import { startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

interface Exported {
  readonly path: string;
  readonly contentType: string;
  readonly body: any;
}

/** A stand-in OTLP/HTTP collector on 127.0.0.1 that keeps every export it receives. */
async function startCollector(): Promise<{ server: Server; endpoint: string; exports: Exported[] }> {
  const exports: Exported[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      exports.push({ path: request.url ?? "", contentType: String(request.headers["content-type"]), body: JSON.parse(text || "null") });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`, exports };
}

describe("tracing settings", () => {
  it("starts no SDK without OTEL_EXPORTER_OTLP_ENDPOINT", () => {
    expect(startTracing(readGatewayEnvironment({}), "hkhealth-gateway")).toBeUndefined();
    expect(tracingRegistered()).toBe(false);
  });

  it("refuses an endpoint that is not an http(s) URL, naming the variable", () => {
    expect(() => readGatewayEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      "Invalid environment: OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s):// URL such as http://collector:4318",
    );
  });

  it("names the service OTEL_SERVICE_NAME, or the process's own name", () => {
    expect(serviceNameOf(readSubgraphServiceEnvironment({}), "hkhealth-subgraph-plan")).toBe("hkhealth-subgraph-plan");
    expect(serviceNameOf(readGatewayEnvironment({ OTEL_SERVICE_NAME: "health-api" }), "hkhealth-gateway")).toBe("health-api");
  });
});

describe("OTLP export", () => {
  let store: Store;
  let gateway: TestGateway;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  beforeAll(async () => {
    collector = await startCollector();
    const planned = await storeWithPlan();
    store = planned.store;
    gateway = await startTestGateway(planned);
  });
  afterAll(async () => {
    await gateway?.close();
    await store?.close();
    await new Promise((closed) => collector?.server.close(closed));
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it("sends the spans of a request to the collector at OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces", async () => {
    const tracing = startTracing(readGatewayEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.endpoint}/` }), "hkhealth-gateway");
    expect(tracing).toBeDefined();
    const response = await gateway.post(`query AgencyCodes { agencies { code } }`, { headers: { "x-request-id": "otlp-export-1" } });
    expect(response.status).toBe(200);
    // The response may arrive before its span ends: flush until the request's span has been sent (bounded).
    const sentRoot = () => collector.exports.some((sent) => JSON.stringify(sent.body).includes("otlp-export-1"));
    for (let attempt = 0; attempt < 250 && !sentRoot(); attempt++) {
      await tracing!.flush();
      if (!sentRoot()) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await tracing!.shutdown();

    expect(collector.exports.length).toBeGreaterThan(0);
    expect(collector.exports.every((sent) => sent.path === "/v1/traces" && sent.contentType.startsWith("application/json"))).toBe(true);
    const resourceSpans = collector.exports.flatMap((sent) => sent.body.resourceSpans as any[]);
    const serviceNames = resourceSpans.flatMap((each) => each.resource.attributes.filter((attribute: any) => attribute.key === "service.name"));
    expect(serviceNames.map((attribute: any) => attribute.value.stringValue)).toContain("hkhealth-gateway");
    const spans = resourceSpans.flatMap((each) => each.scopeSpans.flatMap((scope: any) => scope.spans as any[]));
    const root = spans.find((span) => span.name === "query AgencyCodes");
    expect(root, `spans sent: ${spans.map((span) => span.name).join(", ")}`).toBeDefined();
    expect(root.attributes).toContainEqual({ key: "hkhealth.request_id", value: { stringValue: "otlp-export-1" } });
    expect(spans.some((span) => span.name === "fetch plan" && span.traceId === root.traceId)).toBe(true);
    expect(spans.some((span) => span.attributes.some((attribute: any) => attribute.key === "db.system") && span.traceId === root.traceId)).toBe(true);
  });
});
