import { describe, expect, it } from "vitest";
import { refuseOversizedDocuments } from "../../src/limits/document-size.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { observeRequests } from "../../src/observability/observe-requests.js";
import { operationObserverPlugin } from "../../src/observability/operation-observer-plugin.js";
import { bindObservation } from "../../src/observability/request-observation.js";
import { capturedLogger } from "../test-gateway.js";
import { graphsStoppedAfterAll, limitsWith } from "./in-memory-graph.js";

// The request's log line and metrics (observeRequests) and the plugin that tells them which
// operations ran (operationObserverPlugin), on an inline schema in memory.

const startGraph = graphsStoppedAfterAll();

async function observedGraph(withPlugin: boolean) {
  const { logger, lines } = capturedLogger();
  const metrics = createMetrics();
  const graph = await startGraph({
    logger,
    first: [observeRequests(logger, metrics)],
    before: [refuseOversizedDocuments(limitsWith({ MAX_TOKENS: 20 })), bindObservation],
    apollo: { plugins: withPlugin ? [operationObserverPlugin] : [] },
  });
  /** The lines of one request: written once its response is sent, which inject awaits. */
  const linesOf = (requestId: string) => lines().filter((line) => line.requestId === requestId && line.msg !== "request received");
  return { graph, metrics, linesOf };
}

const requestsOf = async (metrics: ReturnType<typeof createMetrics>, operation: string) =>
  (await metrics.requests.get()).values.find((value) => value.labels.operation === operation)?.value ?? 0;

describe("request observation, in memory", () => {
  it("logs and counts each operation by name under the request's id, with the errors the client got", async () => {
    const { graph, metrics, linesOf } = await observedGraph(true);
    const answer = await graph.post({ query: "query Codes { agencies { code } }" }, { "x-request-id": "obs-1" });
    expect(answer.headers["x-request-id"]).toBe("obs-1");
    expect(linesOf("obs-1")).toEqual([expect.objectContaining({ level: "info", msg: "graphql request", operation: "Codes", status: 200 })]);
    expect(await requestsOf(metrics, "Codes")).toBe(1);

    // An operation that fails validation is named by the operationName sent, if any.
    await graph.post({ query: "query Broken { agencies { cod } }", operationName: "Broken" }, { "x-request-id": "obs-2" });
    expect(linesOf("obs-2")).toEqual([expect.objectContaining({ operation: "Broken", status: 400, errors: [expect.objectContaining({ code: "GRAPHQL_VALIDATION_FAILED" })] })]);
  });

  it("control: without the plugin, the same operation is not logged or counted as one", async () => {
    const { graph, metrics, linesOf } = await observedGraph(false);
    await graph.post({ query: "query Codes { agencies { code } }" }, { "x-request-id": "obs-3" });
    expect(linesOf("obs-3")).toEqual([expect.objectContaining({ level: "debug", msg: "http request", status: 200 })]);
    expect(await requestsOf(metrics, "Codes")).toBe(0);
  });

  it("logs a request refused before Apollo as refused, with the limit's code", async () => {
    const { graph, metrics, linesOf } = await observedGraph(true);
    const long = `{ agencies { ${"code ".repeat(30)} } }`;
    await graph.post({ query: long }, { "x-request-id": "obs-4" });
    expect(linesOf("obs-4")).toEqual([
      expect.objectContaining({ level: "info", operation: "(refused)", status: 400, errors: [expect.objectContaining({ code: "QUERY_LIMIT_EXCEEDED" })] }),
    ]);
    expect(await requestsOf(metrics, "(refused)")).toBe(1);
  });
});
