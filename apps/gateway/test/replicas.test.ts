import { describe, expect, it } from "vitest";
import { servicesOnScratchDatabase, runCommand, startService, type ServiceProcess } from "./service-process.js";

// Replicas: gateway processes started together on one fresh PostgreSQL database (as an
// orchestrator starts them) must all come up; migrating and loading the plan happen once.

const serverUrl = process.env.DATABASE_URL;
const { services: gateways, createDatabase } = servicesOnScratchDatabase();

async function agencies(gateway: ServiceProcess): Promise<unknown> {
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ agencies { code } }" }) });
  return response.json();
}

// Each gateway is a process of its own, built from source: slow on a busy machine.
describe.runIf(serverUrl)("two gateway processes started at once on one fresh PostgreSQL database", { timeout: 300_000 }, () => {
  it("both start and answer; `pnpm prepare:database` beside them finds nothing to do", async () => {
    const scratch = await createDatabase(serverUrl!);
    const environment = { DATABASE_URL: scratch.url, PORT: "0", DATABASE_POOL_SIZE: "3" };
    gateways.push(...(await Promise.all([startService("main.ts", [], environment, 180_000), startService("main.ts", [], environment, 180_000)])));
    for (const gateway of gateways) {
      expect(await agencies(gateway)).toEqual({ data: { agencies: [{ code: "HB" }, { code: "HA" }, { code: "DH" }] } });
    }
    const prepared = await runCommand("prepare-database.ts", { DATABASE_URL: scratch.url });
    expect(prepared).toMatchObject({ code: 0, stderr: "" });
    expect(prepared.stdout.trim()).toMatch(/ is ready: 0 migrations applied, 26 datasets and 31 releases \(already loaded\)$/);
  });
});
