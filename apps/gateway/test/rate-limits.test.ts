import { randomUUID } from "node:crypto";
import { readGatewayEnvironment } from "@hkhealth/config";
import type { Store } from "@hkhealth/store";
import type { Subgraph } from "@hkhealth/subgraph-kit";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApolloServer } from "@apollo/server";
import { costLimitPlugin } from "../src/limits/cost-limit-plugin.js";
import { memoryCostBudget, redisCostBudget } from "../src/rate-limits/cost-budget.js";
import { silentLogger } from "../src/observability/logger.js";
import { createMetrics } from "../src/observability/metrics.js";
import { createRateLimiting, type ClientContext } from "../src/rate-limits/rate-limits.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.js";
import { capturedLogger, settingsFrom, startTestGateway, storeWithPlan, type TestGateway } from "./test-gateway.js";

// Limits per client address over a window: requests (express-rate-limit) and estimated cost
// (the MAX_COST estimate), refused with 429, Retry-After and a RATE_LIMITED error.

const redisUrl = "redis://127.0.0.1:6379";
let store: Store;
let subgraphs: Subgraph[];
const gateways: TestGateway[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  ({ store, subgraphs } = await storeWithPlan());
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await store?.close();
});

async function gatewayWith(variables: Record<string, string>, logger?: Parameters<typeof startTestGateway>[0]["logger"]) {
  const gateway = await startTestGateway({ store, subgraphs, variables, ...(logger && { logger }) });
  gateways.push(gateway);
  return gateway;
}

/** `{ agencies { code } }` costs 20 (MAX_COST's estimate: a list without `first` is assumed to hold 10). */
const agencies = "{ agencies { code } }";

describe("the cost budget, in memory (no gateway)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("allows what fits, refuses without counting what does not, and starts again with the next window", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const budget = memoryCostBudget(100, 60_000);
    expect(await budget.spend("a", 60)).toMatchObject({ allowed: true, used: 60 });
    expect(await budget.spend("a", 50)).toMatchObject({ allowed: false, used: 60 });
    expect(await budget.spend("a", 40)).toMatchObject({ allowed: true, used: 100, resetInMs: 60_000 });
    // Another client has a budget of its own.
    expect(await budget.spend("b", 100)).toMatchObject({ allowed: true, used: 100 });
    vi.advanceTimersByTime(30_000);
    expect(await budget.spend("a", 1)).toMatchObject({ allowed: false, used: 100, resetInMs: 30_000 });
    vi.advanceTimersByTime(30_000);
    expect(await budget.spend("a", 1)).toMatchObject({ allowed: true, used: 1 });
  });
});

describe("the cost limit plugin spending on the budget (Apollo without HTTP)", () => {
  it("refuses the operation that does not fit with 429, Retry-After and RATE_LIMITED, per client", async () => {
    const metrics = createMetrics();
    const rateLimiting = await createRateLimiting(settingsFrom({ MAX_COST: "20", RATE_LIMIT_COST: "20" }).rateLimits, { logger: silentLogger, metrics });
    const server = new ApolloServer<ClientContext>({
      typeDefs: "type Query { items: [Item!]! } type Item { id: ID! }",
      resolvers: { Query: { items: () => [{ id: "1" }] } },
      plugins: [costLimitPlugin({ MAX_COST: 20, MAX_PAGE_SIZE: 100 }, rateLimiting.spendCost)],
    });
    await server.start();
    try {
      // 1 for `items`, 10 for `id` under the 10 items a list is assumed to hold.
      const run = (clientKey: string) => server.executeOperation({ query: "{ items { id } }" }, { contextValue: { clientKey } });
      expect((await run("a")).http.status).toBeUndefined();
      const refused = await run("a");
      expect(refused.http.status).toBe(429);
      expect(refused.http.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(refused.body.kind === "single" && refused.body.singleResult.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "RATE_LIMIT_COST", max: 20 });
      expect((await run("b")).http.status).toBeUndefined();
      expect(await metrics.registry.getSingleMetricAsString("graphql_rate_limited_total")).toContain('graphql_rate_limited_total{limit="RATE_LIMIT_COST"} 1');
    } finally {
      await server.stop();
      await rateLimiting.close();
    }
  });
});

describe("the cost budget in Redis", () => {
  it("is one budget for every instance using the same prefix, spent atomically", async () => {
    const clients = [new Redis(redisUrl), new Redis(redisUrl)];
    try {
      const prefix = `test:${randomUUID()}:`;
      const [first, second] = clients.map((client) => redisCostBudget(client, { limit: 100, windowMs: 60_000, prefix }));
      const spends = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 ? first! : second!).spend("client", 30)));
      expect(spends.filter((spend) => spend.allowed)).toHaveLength(3);
      expect(await first!.spend("client", 10)).toMatchObject({ allowed: true, used: 100 });
      const refused = await second!.spend("client", 1);
      expect(refused).toMatchObject({ allowed: false, used: 100 });
      expect(refused.resetInMs).toBeGreaterThan(0);
      expect(refused.resetInMs).toBeLessThanOrEqual(60_000);
    } finally {
      for (const client of clients) client.disconnect();
    }
  });
});

describe("RATE_LIMIT_REQUESTS", () => {
  it("answers 429 with Retry-After and a RATE_LIMITED error past the limit; /health, /ready and /metrics are not limited", async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_REQUESTS: "3", RATE_LIMIT_WINDOW_MS: "60000" });
    for (const remaining of [2, 1, 0]) {
      const { status, headers, body } = await gateway.post(agencies);
      expect(status, JSON.stringify(body)).toBe(200);
      expect(headers.get("ratelimit-limit")).toBe("3");
      expect(headers.get("ratelimit-remaining")).toBe(String(remaining));
      expect(headers.get("ratelimit-policy")).toBe("3;w=60");
      expect(Number(headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    }
    const refused = await gateway.post(agencies);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      {
        message: `Rate limit of 3 requests per 60 s (RATE_LIMIT_REQUESTS) reached for this client: 4 requests in this window; retry after ${retryAfter} s.`,
        extensions: { code: "RATE_LIMITED", limit: "RATE_LIMIT_REQUESTS", max: 3, windowSeconds: 60, retryAfterSeconds: retryAfter },
      },
    ]);
    // Browsers may read the headers.
    expect(refused.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);

    for (let index = 0; index < 5; index++) {
      for (const path of ["/health", "/ready", "/metrics"]) expect((await fetch(`${gateway.origin}${path}`)).status).toBe(200);
    }
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('graphql_rate_limited_total{limit="RATE_LIMIT_REQUESTS"} 1');
    expect(metrics).toContain('graphql_errors_total{code="RATE_LIMITED"} 1');
  });

  it("counts the socket's address: X-Forwarded-For is ignored unless TRUST_PROXY trusts the proxy", async () => {
    const untrusting = await gatewayWith({ RATE_LIMIT_REQUESTS: "2" });
    const forwarded = (address: string) => ({ headers: { "x-forwarded-for": address } });
    expect((await untrusting.post(agencies, forwarded("203.0.113.1"))).status).toBe(200);
    expect((await untrusting.post(agencies, forwarded("203.0.113.2"))).status).toBe(200);
    expect((await untrusting.post(agencies, forwarded("203.0.113.3"))).status).toBe(429);

    const behindProxy = await gatewayWith({ RATE_LIMIT_REQUESTS: "2", TRUST_PROXY: "loopback" });
    for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1"]) {
      expect((await behindProxy.post(agencies, forwarded(address))).status).toBe(200);
    }
    expect((await behindProxy.post(agencies, forwarded("203.0.113.1"))).status).toBe(429);
    expect((await behindProxy.post(agencies, forwarded("203.0.113.4"))).status).toBe(200);
  });

  it("0 switches it off", async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_REQUESTS: "0", RATE_LIMIT_COST: "0" });
    for (let index = 0; index < 5; index++) {
      const { status, headers } = await gateway.post(agencies);
      expect(status).toBe(200);
      expect(headers.get("ratelimit-limit")).toBeNull();
    }
  });
});

describe("RATE_LIMIT_COST", () => {
  it("spends each operation's estimated cost; one that would pass the budget gets 429 and is not counted", async () => {
    const gateway = await gatewayWith({ MAX_COST: "50", RATE_LIMIT_COST: "50", RATE_LIMIT_REQUESTS: "100" });
    for (let index = 0; index < 2; index++) {
      const { status, body } = await gateway.post(agencies);
      expect(status, JSON.stringify(body)).toBe(200);
    }
    const refused = await gateway.post(agencies);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.body.errors).toEqual([
      {
        message: `Rate limit of 50 estimated cost per 60 s (RATE_LIMIT_COST) reached for this client: 40 spent in this window, and this operation costs 20; retry after ${retryAfter} s.`,
        extensions: { code: "RATE_LIMITED", limit: "RATE_LIMIT_COST", max: 50, windowSeconds: 60, retryAfterSeconds: retryAfter },
      },
    ]);
    // What still fits passes: the refused operation spent nothing.
    expect(await gateway.post("{ agencies { code } a: agency(code: HA) { code } }")).toMatchObject({ status: 429 });
    expect(await gateway.post("{ agency(code: HA) { code } }")).toMatchObject({ status: 200 });
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('graphql_rate_limited_total{limit="RATE_LIMIT_COST"} 2');
  });
});

describe("Redis down", () => {
  it("serves every request meanwhile (fail open), logs each outage once, and limits again once Redis is back", async () => {
    // Redis behind a proxy the test cuts: down when the gateway starts, then back, then down again.
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: 6379 });
    proxies.push(proxy);
    proxy.cut();
    const { logger, lines } = capturedLogger();
    const gateway = await gatewayWith(
      {
        RATE_LIMIT_REQUESTS: "3",
        MAX_COST: "50",
        RATE_LIMIT_COST: "50",
        REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
        RATE_LIMIT_REDIS_PREFIX: `test:${randomUUID()}:`,
      },
      logger,
    );
    const redisLines = (pattern: RegExp) => lines().filter((line) => pattern.test(String(line.msg)));
    const expectAnswered = async (count: number) => {
      for (let index = 0; index < count; index++) {
        const { status, body } = await gateway.post(agencies);
        expect(status, JSON.stringify(body)).toBe(200);
      }
    };

    await expectAnswered(5);
    expect(redisLines(/is unavailable/).map((line) => line.msg)).toEqual([
      `Redis (127.0.0.1:${proxy.port}) is unavailable: rate limits are not enforced until it is back`,
    ]);

    proxy.restore();
    await expect.poll(() => redisLines(/\) is back: /).length, { timeout: 60_000, interval: 100 }).toBe(1);
    await expectAnswered(2);
    // Counted in Redis again: the cost budget, then the request limit (the store made anew: its start failed).
    expect((await gateway.post(agencies)).body.errors?.[0]?.extensions).toMatchObject({ limit: "RATE_LIMIT_COST" });
    expect((await gateway.post(agencies)).body.errors?.[0]?.extensions).toMatchObject({ limit: "RATE_LIMIT_REQUESTS" });

    proxy.cut();
    await expectAnswered(3);
    expect(redisLines(/is unavailable/)).toHaveLength(2);
  });
});

describe("the settings", () => {
  it("reads TRUST_PROXY as false, a hop count or addresses, and refuses trusting every proxy", () => {
    expect(readGatewayEnvironment({}).TRUST_PROXY).toBe(false);
    expect(readGatewayEnvironment({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(readGatewayEnvironment({ TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::1" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::1"]);
    expect(() => readGatewayEnvironment({ TRUST_PROXY: "true" })).toThrow(/^Invalid environment: TRUST_PROXY: trusting every proxy/);
    expect(() => readGatewayEnvironment({ TRUST_PROXY: "10.0.0.0/40" })).toThrow(/TRUST_PROXY: "10.0.0.0\/40" is not a hop count/);
    expect(() => readGatewayEnvironment({ TRUST_PROXY: "proxy.example" })).toThrow(/TRUST_PROXY: "proxy.example"/);
  });

  it("refuses a cost budget below MAX_COST (an operation allowed could never fit) and a REDIS_URL that is not redis://", () => {
    expect(() => readGatewayEnvironment({ RATE_LIMIT_COST: "100", MAX_COST: "200" })).toThrow(/RATE_LIMIT_COST: must be 0 \(off\) or at least MAX_COST/);
    expect(readGatewayEnvironment({ RATE_LIMIT_COST: "0" }).RATE_LIMIT_COST).toBe(0);
    expect(() => readGatewayEnvironment({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL: must start with redis:\/\//);
    expect(readGatewayEnvironment({})).toMatchObject({ RATE_LIMIT_REQUESTS: 600, RATE_LIMIT_COST: 200_000, RATE_LIMIT_WINDOW_MS: 60_000 });
  });
});
