import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";
import { requestRateLimit } from "../../src/rate-limits/request-rate-limit.js";
import { defaultGatewaySettings, type RateLimits } from "../../src/settings.js";
import { answered, graphsStoppedAfterAll, refusal } from "./in-memory-graph.js";

// RATE_LIMIT_REQUESTS (express-rate-limit, counted in this process) in front of an inline
// schema in memory: every request comes from the same address. Beside its control: the same
// requests all pass with the limit raised by one.

const startGraph = graphsStoppedAfterAll();

async function graphWith(max: number) {
  const limits: RateLimits = { ...defaultGatewaySettings.rateLimits, RATE_LIMIT_REQUESTS: max, RATE_LIMIT_WINDOW_MS: 60_000, redisUrl: undefined };
  return startGraph({ first: [requestRateLimit(limits, { metrics: createMetrics() })] });
}

const query = { query: "{ agencies { code } }" };

describe("the requests of one client per window, in memory", () => {
  it("refuses the request past RATE_LIMIT_REQUESTS with 429, Retry-After and the limit's name", async () => {
    const graph = await graphWith(2);
    const answers = [await graph.post(query), await graph.post(query), await graph.post(query)];
    expect(answers.slice(0, 2).every(answered)).toBe(true);
    expect(refusal(answers[2]!)).toEqual({ status: 429, code: "RATE_LIMITED", limit: "RATE_LIMIT_REQUESTS" });
    expect(Number(answers[2]!.headers["retry-after"])).toBeGreaterThan(0);
    expect(answers[0]!.headers["ratelimit-remaining"]).toBe("1");
  });

  it("control: the same three requests pass with the limit at 3", async () => {
    const graph = await graphWith(3);
    const answers = [await graph.post(query), await graph.post(query), await graph.post(query)];
    expect(answers.every(answered)).toBe(true);
  });
});
