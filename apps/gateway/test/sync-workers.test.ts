import { datasetDefinitions } from "@hkhealth/plan";
import { describe, expect, it } from "vitest";
import { startService, type ServiceProcess } from "./service-process.js";
import { syncTestbed } from "./sync-mirror.js";

// `pnpm start:sync`: the scheduler alone. Two of them on one PostgreSQL database share the work
// through DistributionSync's claims; SIGTERM stops one cleanly.

const serverUrl = process.env.DATABASE_URL;
const { mirror, services, database: databaseEnvironment } = syncTestbed();

const isReady = (line: Record<string, any>) => /^Sync worker ready/.test(String(line.msg));
const isCheck = (line: Record<string, any>) => /^sync: .+ (changed|unchanged|failed|interrupted)$/.test(String(line.msg));
const startWorker = (env: Record<string, string>) => startService("start-sync.ts", [], { SOURCES_MIRROR: mirror().url, SYNC_TICK_MS: "200", ...env }, 180_000, isReady);

// Every distribution of every known dataset: the workers register the off-plan ones.
const distributions = datasetDefinitions.flatMap((definition) => definition.distributions).length;

// Processes of their own, built from source: slow on a busy machine.
describe("pnpm start:sync", { timeout: 300_000 }, () => {
  it.runIf(serverUrl)("two workers on one PostgreSQL database fetch each file once per period between them", async () => {
    const database = await databaseEnvironment("shared");
    const workers = await Promise.all([startWorker(database), startWorker(database)]);
    services.push(...workers);
    const checks = () => workers.reduce((sum, worker) => sum + worker.lines.filter(isCheck).length, 0);
    const deadline = Date.now() + 120_000;
    while (checks() < distributions && Date.now() < deadline) await new Promise((pause) => setTimeout(pause, 200));
    expect(checks()).toBe(distributions);
    // Several more ticks of both: nothing is due again (a period away; a failure 30 s away).
    const settled = mirror().requests.length;
    await new Promise((pause) => setTimeout(pause, 2_000));
    expect(mirror().requests.length).toBe(settled);
    expect(mirror().requests).toHaveLength(distributions);
    expect(new Set(mirror().requests).size).toBe(distributions);
    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
  });

  it("stops on SIGTERM: a check still running after the grace is rolled back, and the worker exits 0", async () => {
    const hanging = "/www.ha.org.hk/opendata/facility-hosp.json";
    mirror().behave(hanging, { kind: "hang" });
    try {
      const database = await databaseEnvironment("sigterm");
      const asked = mirror().requestsFor(hanging);
      const worker: ServiceProcess = await startWorker({ ...database, SHUTDOWN_GRACE_MS: "200" });
      services.push(worker);
      const deadline = Date.now() + 120_000;
      while (mirror().requestsFor(hanging) === asked && Date.now() < deadline) await new Promise((pause) => setTimeout(pause, 100));
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toBe(0);
      const messages = worker.lines.map((line) => String(line.msg));
      expect(messages).toContain("sync: ha-facility-directory facility-hosp interrupted");
      expect(messages.some((message) => /^stopping: grace period over, \d+ sync check\(s\) still running were rolled back$/.test(message)), messages.join("\n")).toBe(true);
      expect(worker.lines.at(-1)?.msg).toBe("stopped");
    } finally {
      mirror().behave(hanging, undefined);
    }
  });
});
