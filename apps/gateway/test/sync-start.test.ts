import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mirrorFixtures } from "@hkhealth/sync/testing";
import { describe, expect, it } from "vitest";
import { startService, type ServiceProcess } from "./service-process.js";
import { syncTestbed } from "./sync-mirror.js";

// `pnpm start` on a fresh database, with SOURCES_MIRROR at a stand-in for the agencies' hosts:
// the scheduler fills the graph by itself, without any `pnpm ingest`.

const { mirror: standIn, services, database: databaseEnvironment } = syncTestbed();

async function query(gateway: ServiceProcess, text: string): Promise<any> {
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: text }) });
  return response.json();
}

const feed = JSON.parse(readFileSync(join(mirrorFixtures, "www.ha.org.hk/opendata/aed/aedwtdata2-en.json"), "utf8")) as { waitTime: Array<Record<string, string>> };
const directory = (kind: string) => (JSON.parse(readFileSync(join(mirrorFixtures, `www.ha.org.hk/opendata/facility-${kind}.json`), "utf8")) as unknown[]).length;

const current = `{
  hospitalAuthority { aedWaitingTimes { latest { hospitalName triage3Median { minutes } hospital { id } } } }
  dataset(id: "ha-facility-directory") { view { ... on FacilityDirectoryView { hospitals { id } clinics { kind } } } }
}`;

// A process of its own, built from source: slow on a busy machine.
describe("pnpm start with SOURCES_MIRROR at a stand-in", { timeout: 300_000 }, () => {
  it("serves the current A&E waits of 18 hospitals and the facility directory within a minute, with no ingest", async () => {
    const mirror = standIn();
    const gateway = await startService("main.ts", [], { ...(await databaseEnvironment("start")), PORT: "0", SYNC: "true", SOURCES_MIRROR: mirror.url }, 180_000);
    services.push(gateway);
    expect(gateway.lines.find((line) => /ready at/.test(String(line.msg)))).toMatchObject({ sync: true });
    const deadline = Date.now() + 60_000;
    let answer: any;
    for (;;) {
      answer = await query(gateway, current);
      const view = answer.data?.dataset.view;
      const filled =
        answer.data?.hospitalAuthority.aedWaitingTimes.latest.length === 18 &&
        view?.hospitals.length === directory("hosp") &&
        view?.clinics.length === directory("sop") + directory("gop");
      if (filled || Date.now() > deadline) break;
      await new Promise((pause) => setTimeout(pause, 500));
    }
    expect(answer.errors).toBeUndefined();
    const latest = answer.data.hospitalAuthority.aedWaitingTimes.latest as Array<{ hospitalName: string; triage3Median: { minutes: number }; hospital: { id: string } | null }>;
    expect(latest.map((item) => [item.hospitalName, item.triage3Median.minutes]).sort()).toEqual(
      feed.waitTime.map((item) => [item.hospName, Number.parseInt(item["t3p50"] ?? "", 10)]).sort(),
    );
    expect(latest.every((item) => item.hospital !== null)).toBe(true); // each linked to its directory entry
    expect(answer.data.dataset.view.hospitals).toHaveLength(directory("hosp"));
    // One log line per check, through the gateway's logger; a source missing from the mirror is a warning, not a stop.
    await gateway.waitForLines((line) => line.msg === "sync: ha-aed-waiting-time aedwtdata-tc failed" && line.level === "warn");
    expect(gateway.lines.find((line) => line.msg === "sync: ha-aed-waiting-time aedwtdata2-en changed")).toMatchObject({ service: "gateway", records: 18, resource: "aedwtdata2-en" });
    expect(mirror.requestsFor("/www.ha.org.hk/opendata/aed/aedwtdata2-en.json")).toBe(1);
    // SIGTERM stops the scheduler with the server, then the store: exit 0.
    gateway.child.kill("SIGTERM");
    expect(await gateway.exited).toBe(0);
  });

  it("starts no scheduler with SYNC=false", async () => {
    const mirror = standIn();
    const before = mirror.requests.length;
    const gateway = await startService("main.ts", [], { ...(await databaseEnvironment("off")), PORT: "0", SYNC: "false", SOURCES_MIRROR: mirror.url }, 180_000);
    services.push(gateway);
    expect((await query(gateway, "{ agencies { code } }")).data.agencies).toHaveLength(3);
    expect(gateway.lines.find((line) => /ready at/.test(String(line.msg)))).toMatchObject({ sync: false });
    expect(gateway.lines.some((line) => String(line.msg).startsWith("sync:"))).toBe(false);
    expect(mirror.requests.length).toBe(before);
  });
});
