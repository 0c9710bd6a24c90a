import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { servicesOnScratchDatabase, startService, type ServiceProcess } from "./service-process.js";

// Two gateway processes on one Redis (REDIS_URL) share each client's counts: what one instance
// counted, the other refuses past. The key prefix is this run's own, so parallel runs never share.

const serverUrl = process.env.DATABASE_URL;
const { services: gateways, createDatabase } = servicesOnScratchDatabase();

async function post(gateway: ServiceProcess, query: string): Promise<{ status: number; body: any }> {
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, body: await response.json() };
}

async function metrics(gateway: ServiceProcess): Promise<string> {
  return (await fetch(new URL("/metrics", gateway.url))).text();
}

// Each gateway is a process of its own, built from source: slow on a busy machine.
describe.runIf(serverUrl)("two gateway processes sharing Redis", { timeout: 300_000 }, () => {
  it("count each client's requests and cost together", async () => {
    const scratch = await createDatabase(serverUrl!);
    const environment = {
      DATABASE_URL: scratch.url,
      PORT: "0",
      DATABASE_POOL_SIZE: "3",
      REDIS_URL: "redis://127.0.0.1:6379",
      RATE_LIMIT_REDIS_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_REQUESTS: "5",
      // `{ agencies { code } }` costs 20: two fit in 50, a third does not.
      MAX_COST: "50",
      RATE_LIMIT_COST: "50",
    };
    // One after the other: the first migrates the fresh database, the second finds it done.
    gateways.push(await startService("main.ts", [], environment, 180_000));
    gateways.push(await startService("main.ts", [], environment, 180_000));
    const [first, second] = gateways as [ServiceProcess, ServiceProcess];

    expect(await post(first, "{ agencies { code } }")).toMatchObject({ status: 200, body: { data: { agencies: [{ code: "HB" }, { code: "HA" }, { code: "DH" }] } } });
    expect(await post(second, "{ agencies { code } }")).toMatchObject({ status: 200 });
    // 40 of 50 spent, on either instance.
    const overBudget = await post(first, "{ agencies { code } }");
    expect(overBudget.status).toBe(429);
    expect(overBudget.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "RATE_LIMIT_COST", max: 50 });
    expect(overBudget.body.errors[0].message).toContain("40 spent in this window, and this operation costs 20");
    // Requests 4 and 5 (cheap ones fit the cost left); the 6th is past RATE_LIMIT_REQUESTS, on both.
    expect(await post(second, "{ agency(code: HA) { code } }")).toMatchObject({ status: 200 });
    expect(await post(first, "{ agency(code: HA) { code } }")).toMatchObject({ status: 200 });
    for (const gateway of [second, first]) {
      const refused = await post(gateway, "{ agency(code: HA) { code } }");
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", limit: "RATE_LIMIT_REQUESTS", max: 5 });
    }
    expect(await metrics(first)).toMatch(/graphql_rate_limited_total\{limit="RATE_LIMIT_COST"\} 1\n/);
    expect(await metrics(second)).toMatch(/graphql_rate_limited_total\{limit="RATE_LIMIT_REQUESTS"\} 1\n/);
  });
});
