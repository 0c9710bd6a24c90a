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
const recordsIn = (path: string) => (JSON.parse(readFileSync(join(mirrorFixtures, path), "utf8")) as unknown[]).length;
const directory = (kind: string) => recordsIn(`www.ha.org.hk/opendata/facility-${kind}.json`);
const sopcRows = recordsIn("www.ha.org.hk/opendata/sop/sop-waiting-time-en.json");
const gopcRows = recordsIn("www.ha.org.hk/pas_gopc/pas_gopc_avg_quota_pdf/g0_9uo7a_p-en.json");

const current = `{
  hospitalAuthority { aedWaitingTimes { latest { hospitalName triage3Median { minutes } hospital { id } } } }
  dataset(id: "ha-facility-directory") { view { ... on FacilityDirectoryView { hospitals { id } clinics { kind } } } }
  sopcWaitingTimes(first: 100) { totalCount edges { node { cluster specialty category weeks } } }
  gopcConsultationQuotas(first: 100) { totalCount edges { node { clinicName quotas { weekday quota } } } }
}`;

// A process of its own, built from source: slow on a busy machine.
describe("pnpm start with SOURCES_MIRROR at a stand-in", { timeout: 300_000 }, () => {
  it("serves the current A&E waits of 18 hospitals, the facility directory, SOPC waiting times and GOPC quotas within a minute, with no ingest", async () => {
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
        view?.clinics.length === directory("sop") + directory("gop") &&
        answer.data?.sopcWaitingTimes?.totalCount === sopcRows &&
        answer.data?.gopcConsultationQuotas?.totalCount === gopcRows;
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
    expect(answer.data.sopcWaitingTimes.totalCount).toBe(sopcRows);
    expect(answer.data.sopcWaitingTimes.edges[0].node).toMatchObject({ cluster: "Hong Kong East Cluster", specialty: "Medicine", category: "Urgent", weeks: 1 });
    expect(answer.data.gopcConsultationQuotas.totalCount).toBe(gopcRows);
    expect(answer.data.gopcConsultationQuotas.edges[0].node.quotas).toContainEqual({ weekday: "MONDAY", quota: 469 });
    // One log line per check, through the gateway's logger; a source missing from the mirror is a warning, not a stop.
    await gateway.waitForLines((line) => line.msg === "sync: ha-aed-waiting-time aedwtdata-tc failed" && line.level === "warn");
    expect(gateway.lines.find((line) => line.msg === "sync: ha-aed-waiting-time aedwtdata2-en changed")).toMatchObject({ service: "gateway", records: 18, resource: "aedwtdata2-en" });
    expect(mirror.requestsFor("/www.ha.org.hk/opendata/aed/aedwtdata2-en.json")).toBe(1);
    // The files missing from the mirror fail: that shows in freshness, and nowhere else.
    const { data } = await query(gateway, `{ dataset(id: "ha-aed-waiting-time") { freshness { failing lastChangedAt distributions { resource failing lastError { message } } } } }`);
    const files = data.dataset.freshness.distributions as Array<{ resource: string; failing: boolean; lastError: { message: string } | null }>;
    expect(data.dataset.freshness).toMatchObject({ failing: true, lastChangedAt: expect.any(String) });
    expect(files.find((file) => file.resource === "aedwtdata2-en")).toMatchObject({ failing: false, lastError: null });
    expect(files.find((file) => file.resource === "aedwtdata-tc")).toMatchObject({ failing: true, lastError: { message: expect.stringMatching(/aedwtdata-tc\.json: the server answered 404/) } });
    expect((await fetch(new URL("/ready", gateway.url))).status).toBe(200);
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
