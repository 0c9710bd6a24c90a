import type { Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics, MAX_OPERATION_LABELS } from "../src/observability/metrics.js";
import { capturedLogger, startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

let store: Store;
let gateway: TestGateway;
const log = capturedLogger();

beforeAll(async () => {
  const planned = await storeWithPlan();
  store = planned.store;
  gateway = await startTestGateway({ ...planned, logger: log.logger });
});
afterAll(async () => {
  await gateway?.close();
  await store?.close();
});

const requestLines = (requestId: string) => log.lines().filter((line) => line.requestId === requestId && line.operation !== undefined);

/** Log lines are written when the response has been sent: give the 'finish' event a moment. */
async function linesOf(requestId: string) {
  for (let attempt = 0; attempt < 50 && requestLines(requestId).length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  return requestLines(requestId);
}

describe("request ids and logs", () => {
  it("keeps the caller's x-request-id, returns it, and logs the operation under it with its duration", async () => {
    const response = await gateway.post(`query AgencyCodes { agencies { code } }`, { headers: { "x-request-id": "req-abc.123" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-abc.123");
    const [line, ...more] = await linesOf("req-abc.123");
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: "info", msg: "graphql request", operation: "AgencyCodes", status: 200, requestId: "req-abc.123" });
    expect(line?.durationMs).toBeGreaterThan(0);
    expect(line?.errors).toBeUndefined();
  });

  it("makes an id when there is none, or when the given one is not a sane id", async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const none = await gateway.post(`{ agencies { code } }`);
    expect(none.headers.get("x-request-id")).toMatch(uuid);
    for (const hostile of [`x"} {"level":"fatal`, "x".repeat(129), "<script>"]) {
      const response = await gateway.post(`{ agencies { code } }`, { headers: { "x-request-id": hostile } });
      expect(response.headers.get("x-request-id")).toMatch(uuid);
    }
    expect((await linesOf(none.headers.get("x-request-id")!))[0]).toMatchObject({ operation: "(anonymous)" });
  });

  it("logs errors with their codes, and refusals before any operation ran", async () => {
    await gateway.post(`query TooBig { datasets(first: 5000) { totalCount } }`, { headers: { "x-request-id": "req-too-big" } });
    expect((await linesOf("req-too-big"))[0]).toMatchObject({
      operation: "TooBig",
      status: 400,
      errors: [{ code: "QUERY_LIMIT_EXCEEDED", message: expect.stringContaining("Page size limit of 1000") }],
    });
    await gateway.raw({ method: "POST", headers: { "content-type": "application/json", "x-request-id": "req-bad-json" }, body: "{" });
    expect((await linesOf("req-bad-json"))[0]).toMatchObject({ operation: "(refused)", status: 400, errors: [{ code: "BAD_REQUEST" }] });
  });
});

describe("GET /metrics", () => {
  it("counts requests and latency by operation, errors by code, subgraph fetches by subgraph, and the pool", async () => {
    await gateway.post(`query MetricsProbe { agencies { code profile { __typename ... on HospitalAuthorityProfile { website } } } }`);
    await gateway.post(`query MetricsRefused { datasets(first: 5000) { totalCount } }`);
    const response = await fetch(`${gateway.origin}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^graphql_requests_total\{operation="MetricsProbe"\} 1$/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="MetricsProbe"\} 1$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="QUERY_LIMIT_EXCEEDED"\} [1-9]\d*$/m);
    expect(text).toMatch(/^graphql_subgraph_fetch_duration_seconds_count\{subgraph="plan",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^graphql_subgraph_fetch_duration_seconds_count\{subgraph="hospital-authority",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it("keeps at most MAX_OPERATION_LABELS operation names apart: clients choose them", () => {
    const metrics = createMetrics();
    const labels = new Set(Array.from({ length: MAX_OPERATION_LABELS + 50 }, (_, index) => metrics.operationLabel(`Op${index}`)));
    expect(labels.size).toBe(MAX_OPERATION_LABELS + 1);
    expect(labels.has("(other)")).toBe(true);
    expect(metrics.operationLabel("Op0")).toBe("Op0");
    expect(metrics.operationLabel(null)).toBe("(anonymous)");
  });
});
