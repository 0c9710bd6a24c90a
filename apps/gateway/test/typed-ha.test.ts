import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";
import { ingestFile } from "@hkhealth/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetches, startHarness, type GraphQLResponse, type Harness } from "./harness.js";

// The real published files when this checkout has them (CI must), else our own in HA's layouts.
const shared = sharedFiles("fixtures/ha-facility-directory", "fixtures/ha-aed-waiting-time");
const real = shared.present;
const own = resolve(import.meta.dirname, "../../../packages/subgraphs/ha/test/fixtures");
const directoryDir = real ? shared.path("fixtures/ha-facility-directory") : own;
const aedDir = real ? shared.path("fixtures/ha-aed-waiting-time") : own;

// --- What the raw files say, read here without the graph's code, to check the graph against.

interface DirectoryEntry {
  cluster_eng: string;
  institution_eng: string;
  institution_tc: string;
  with_AE_service_eng?: string;
  latitude: number;
  longitude: number;
}

interface FeedFile {
  updateTime: string;
  waitTime: Array<Record<string, string>>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const directory = (file: string) => readJson<DirectoryEntry[]>(resolve(directoryDir, file));
const hospitalsFile = directory("facility-hosp.json");
const aeHospitals = hospitalsFile.filter((entry) => entry.with_AE_service_eng === "Yes");
const feedV2 = readJson<FeedFile>(resolve(aedDir, "aedwtdata2-en.json"));

/** HA's "20/1/2026 4:30AM" as the graph answers instants: "2026-01-20T04:30:00+08:00". */
function hongKongInstant(text: string): string {
  const [, day = "", month = "", year = "", hour = "", minute = "", meridiem = ""] = /^(\d+)\/(\d+)\/(\d{4}) (\d+):(\d{2})([AP]M)$/i.exec(text) ?? [];
  const hours = (Number(hour) % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  const pad = (value: string | number) => String(value).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}T${pad(hours)}:${minute}:00+08:00`;
}

/** The 2019 history's rows (hospName, topWait, updateTime, updateDate), as text. */
function historyRows(): Array<{ hospName: string; topWait: string; updateTime: string }> {
  const [header = "", ...lines] = readFileSync(resolve(aedDir, "history-2019.csv"), "utf8").trim().split(/\r?\n/);
  expect(header).toBe("hospName,topWait,updateTime,updateDate");
  return lines.map((line) => {
    expect(line).not.toContain('"'); // no quoted fields: splitting on commas is enough
    const [hospName = "", topWait = "", updateTime = ""] = line.split(",");
    return { hospName, topWait, updateTime };
  });
}


interface HistoryPage {
  totalCount: number;
  edges: Array<{ node: { observedAt: string; hospital: { id: string } } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  for (const file of ["facility-hosp.json", "facility-sop.json", "facility-gop.json"]) {
    await ingestFile(harness.store, { datasetId: "ha-facility-directory", location: resolve(directoryDir, file) });
  }
  for (const file of ["aedwtdata2-en.json", "aedwtdata-en.v1.json", "history-2019.csv"]) {
    await ingestFile(harness.store, { datasetId: "ha-aed-waiting-time", location: resolve(aedDir, file) });
  }
}, 300_000);
afterAll(async () => {
  await harness?.close();
});

describe(`HA typed views through the gateway (${real ? "the real published files" : "our own fixture files"})`, () => {
  it("answers, in one query, each Kowloon Central A&E hospital's Chinese name, coordinates and latest triage 3 median", async () => {
    const response = await harness.query(`{
      hospitals(cluster: "Kowloon Central", withAeService: true) {
        name(lang: ZH_HANT) latitude longitude
        aedWaitingTime { observedAt triage3Median { text minutes bound } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const expected = aeHospitals
      .filter((entry) => entry.cluster_eng === "Kowloon Central Cluster")
      .map((entry) => {
        const feed = feedV2.waitTime.find((item) => item.hospName === entry.institution_eng);
        const text = feed?.["t3p50"] ?? "";
        const minutes = /^(\d+) minutes?$/.exec(text)?.[1];
        expect(minutes, `${entry.institution_eng}: ${text}`).toBeDefined();
        return {
          name: entry.institution_tc,
          latitude: entry.latitude,
          longitude: entry.longitude,
          aedWaitingTime: { observedAt: hongKongInstant(feedV2.updateTime), triage3Median: { text, minutes: Number(minutes), bound: "EXACT" } },
        };
      });
    expect(expected).toHaveLength(2);
    expect(response.data.hospitals).toEqual(expected);
  });

  it("matches the cluster by its English or Chinese name, in full or short, or its code, whatever the case and spacing", async () => {
    const names = ["Kowloon Central", "Kowloon Central Cluster", "KC", "九龍中醫院聯網", "九龍中", "  kowloon   central CLUSTER "];
    const query = names.map((name, index) => `c${index}: hospitals(cluster: ${JSON.stringify(name)}) { id }`).join(" ");
    const response = await harness.query(`{ ${query} }`);
    expect(response.errors).toBeUndefined();
    const expected = hospitalsFile.filter((entry) => entry.cluster_eng === "Kowloon Central Cluster").length;
    for (const index of names.keys()) expect(response.data[`c${index}`]).toHaveLength(expected);
    const unknown = await harness.query(`{ hospitals(cluster: "Atlantis") { id } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(unknown.errors?.[0]?.message).toContain("KC (Kowloon Central Cluster, 九龍中醫院聯網)");
  });

  it("answers the A&E snapshot in force at 2019-05-01T12:00:00+08:00 from the 2019 history, as the CSV says", async () => {
    const rows = historyRows();
    const at = rows.map((row) => row.updateTime).filter((time) => time <= "2019-05-01 12:00:00").sort().at(-1) ?? "";
    const expected = rows
      .filter((row) => row.updateTime === at)
      .map((row) => ({
        hospitalName: row.hospName,
        observedAt: `${at.replace(" ", "T")}+08:00`,
        topWait: { text: String(Number(row.topWait)), minutes: Math.round(Number(row.topWait) * 60), bound: "ABOUT" },
        triage3Median: null,
      }))
      .sort((a, b) => a.hospitalName.localeCompare(b.hospitalName));
    expect(expected).toHaveLength(aeHospitals.length);

    const response = await harness.query(`{
      dataset(id: "ha-aed-waiting-time") { view { ... on AedWaitingTimeView {
        latest(asOf: "2019-05-01T12:00:00+08:00") {
          hospitalName observedAt topWait { text minutes bound } triage3Median { minutes } hospital { id withAeService }
        }
      } } }
    }`);
    expect(response.errors).toBeUndefined();
    const latest = response.data.dataset.view.latest as Array<Record<string, any>>;
    const answered = latest.map(({ hospital: _hospital, ...waitingTime }) => waitingTime).sort((a, b) => a.hospitalName.localeCompare(b.hospitalName));
    expect(answered).toEqual(expected);
    // Each links to a different A&E hospital of the directory.
    expect(new Set(latest.map((item) => item.hospital.id)).size).toBe(aeHospitals.length);
    expect(latest.every((item) => item.hospital.withAeService)).toBe(true);

    // The same snapshot from a hospital (St John's name differs between the feed and the directory).
    const stJohn = expected.find((item) => item.hospitalName === "St John Hospital");
    const fromHospital = await harness.query(`{ hospital(id: "st-john-hospital") { name aedWaitingTime(asOf: "2019-05-01T12:00:00+08:00") { hospitalName topWait { minutes } } } }`);
    expect(fromHospital.errors).toBeUndefined();
    expect(fromHospital.data.hospital).toEqual({
      name: "St. John Hospital",
      aedWaitingTime: { hospitalName: "St John Hospital", topWait: { minutes: stJohn?.topWait.minutes } },
    });
  });

  it("keeps the v1 feed's texts and their meaning in its own snapshot", async () => {
    const v1 = readJson<FeedFile>(resolve(aedDir, "aedwtdata-en.v1.json"));
    const response = await harness.query(`query($asOf: DateTime) { hospitalAuthority { aedWaitingTimes {
      latest(asOf: $asOf) { hospitalName observedAt topWait { text minutes bound } triage1 { text } managingTriage1 }
    } } }`, { asOf: hongKongInstant(v1.updateTime) });
    expect(response.errors).toBeUndefined();
    const latest = response.data.hospitalAuthority.aedWaitingTimes.latest as Array<Record<string, any>>;
    expect(latest).toHaveLength(v1.waitTime.length);
    for (const item of latest) {
      const text = v1.waitTime.find((entry) => entry.hospName === item.hospitalName)?.["topWait"] ?? "";
      const [, over, around] = /^(?:Over (\d+) hours?|Around (\d+) hours?)$/.exec(text) ?? [];
      expect(item).toEqual({
        hospitalName: item.hospitalName,
        observedAt: hongKongInstant(v1.updateTime),
        topWait: { text, minutes: Number(over ?? around) * 60, bound: over ? "AT_LEAST" : "ABOUT" },
        triage1: null,
        managingTriage1: null,
      });
    }
  });

  it("crosses from the plan subgraph's Dataset.view to the Hospital Authority's AedWaitingTimeView", async () => {
    const response = await harness.query(`{
      dataset(id: "ha-aed-waiting-time") { view { ... on AedWaitingTimeView { latest { hospital { name } topWait { minutes } } } } }
    }`);
    expect(response.errors).toBeUndefined();
    const latest = response.data.dataset.view.latest as Array<{ hospital: { name: string }; topWait: unknown }>;
    // The latest snapshot is the v2 feed, which has no topWait.
    expect(latest).toHaveLength(feedV2.waitTime.length);
    expect(latest.every((item) => item.topWait === null)).toBe(true);
    expect(latest.map((item) => item.hospital.name).sort()).toEqual(aeHospitals.map((entry) => entry.institution_eng).sort());
    expect(fetches(harness.queryPlans.at(-1)!)).toEqual([
      { serviceName: "plan", entities: false },
      { serviceName: "hospital-authority", entities: true },
    ]);

    const directoryView = await harness.query(`{
      dataset(id: "ha-facility-directory") { view { ... on FacilityDirectoryView { datasetId hospitals(withAeService: false) { id } clinics { kind } } } }
    }`);
    expect(directoryView.errors).toBeUndefined();
    const view = directoryView.data.dataset.view;
    expect(view.hospitals).toHaveLength(hospitalsFile.length - aeHospitals.length);
    expect(view.clinics).toHaveLength(directory("facility-sop.json").length + directory("facility-gop.json").length);
  });

  it("goes from a Hospital and its waiting time to their Dataset and Release, resolved by the plan subgraph", async () => {
    const response = await harness.query(`{
      hospital(id: "queen-elizabeth-hospital") {
        dataset { id title }
        release { planRow }
        aedWaitingTime { dataset { id title(lang: ZH_HANT) } release { planRow } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.hospital).toEqual({
      dataset: {
        id: "ha-facility-directory",
        title: "Directory of Hospitals/Institutions/Specialist Outpatient Clinics/General Outpatient Clinics of the Hospital Authority Clusters",
      },
      release: { planRow: "D3" },
      aedWaitingTime: { dataset: { id: "ha-aed-waiting-time", title: "急症室等候時間" }, release: { planRow: "D8" } },
    });
    const planFetches = fetches(harness.queryPlans.at(-1)!);
    expect(planFetches[0]).toEqual({ serviceName: "hospital-authority", entities: false });
    expect(planFetches.slice(1).every((fetch) => fetch.serviceName === "plan" && fetch.entities)).toBe(true);
  });

  it("costs the same SQL statements for the 2 Kowloon Central A&E hospitals' waiting times as for all of them", async () => {
    const query = `query($cluster: String, $asOf: DateTime) {
      hospitals(cluster: $cluster, withAeService: true) {
        id name(lang: ZH_HANT) latitude longitude
        aedWaitingTime { triage3Median { minutes } }
        earlier: aedWaitingTime(asOf: $asOf) { topWait { minutes } }
      }
    }`;
    const counts: Record<string, number> = {};
    for (const [label, cluster] of [["KC", "KC"], ["all", null]] as const) {
      const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query, { cluster, asOf: "2019-05-01T12:00:00+08:00" }));
      expect(result.errors).toBeUndefined();
      expect(result.data.hospitals).toHaveLength(label === "KC" ? 2 : aeHospitals.length);
      expect(result.data.hospitals.every((hospital: any) => hospital.aedWaitingTime && hospital.earlier)).toBe(true);
      counts[label] = statements.length;
    }
    // Hospitals; the directory, to link the feed's names; one snapshot per distinct asOf (2).
    expect(counts).toEqual({ KC: 4, all: 4 });
  });

  it("pages through a hospital's history in time order, under the feed's spelling of its name", async () => {
    const window = { from: "2019-05-01T11:00:00+08:00", to: "2019-05-01T12:15:00+08:00" };
    const expected = historyRows()
      .filter((row) => row.hospName === "St John Hospital" && row.updateTime >= "2019-05-01 11:00:00" && row.updateTime <= "2019-05-01 12:15:00")
      .map((row) => `${row.updateTime.replace(" ", "T")}+08:00`)
      .sort();
    const query = `query($after: String, $from: DateTime, $to: DateTime) { hospitalAuthority { aedWaitingTimes {
      history(hospitalId: "st-john-hospital", from: $from, to: $to, first: 2, after: $after) {
        totalCount edges { cursor node { observedAt hospital { id } } } pageInfo { hasNextPage endCursor }
      }
    } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse<{ hospitalAuthority: { aedWaitingTimes: { history: HistoryPage } } }> = await harness.query(query, { ...window, after });
      expect(response.errors).toBeUndefined();
      const history = response.data!.hospitalAuthority.aedWaitingTimes.history;
      expect(history.totalCount).toBe(expected.length);
      seen.push(...history.edges.map((edge) => edge.node.observedAt));
      expect(history.edges.every((edge) => edge.node.hospital.id === "st-john-hospital")).toBe(true);
      if (!history.pageInfo.hasNextPage) break;
      after = history.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    const unknown = await harness.query(`{ hospitalAuthority { aedWaitingTimes { history(hospitalId: "nowhere") { totalCount } } } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("links every name the feed has used, so none is reported unlinked", async () => {
    const response = await harness.query(`{ hospitalAuthority { aedWaitingTimes { unlinkedHospitalNames } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.hospitalAuthority.aedWaitingTimes.unlinkedHospitalNames).toEqual([]);
  });

  it("finds hospitals and clinics by name in English or Chinese, clinics by kind and cluster, and each by its id", async () => {
    const response = await harness.query(`{
      byChinese: hospitals(name: "伊利沙伯") { id name cluster(lang: ZH_HANT) address }
      gopc: clinics(cluster: "KC", kind: GENERAL_OUTPATIENT) { id kind name(lang: ZH_HANT) cluster }
      sopc: clinics(kind: SPECIALIST_OUTPATIENT) { id }
      missing: hospital(id: "nowhere") { id }
    }`);
    expect(response.errors).toBeUndefined();
    const { byChinese, gopc, sopc, missing } = response.data;
    const qeh = hospitalsFile.find((entry) => entry.institution_eng === "Queen Elizabeth Hospital") as DirectoryEntry & { address_eng: string };
    expect(byChinese).toEqual([{ id: "queen-elizabeth-hospital", name: "Queen Elizabeth Hospital", cluster: "九龍中醫院聯網", address: qeh.address_eng }]);
    const kcGeneral = directory("facility-gop.json").filter((entry) => entry.cluster_eng === "Kowloon Central Cluster");
    expect(gopc.map((clinic: any) => clinic.name)).toEqual(kcGeneral.map((entry) => entry.institution_tc));
    expect(gopc.every((clinic: any) => clinic.kind === "GENERAL_OUTPATIENT" && clinic.cluster === "Kowloon Central Cluster")).toBe(true);
    expect(sopc).toHaveLength(directory("facility-sop.json").length);
    expect(missing).toBeNull();

    const ids = [...gopc, ...sopc.slice(0, 2)].map((clinic: any) => clinic.id as string);
    const byId = await harness.query(`{ ${ids.map((id, index) => `c${index}: clinic(id: ${JSON.stringify(id)}) { id }`).join(" ")} }`);
    expect(byId.errors).toBeUndefined();
    expect(Object.values(byId.data).map((clinic: any) => clinic.id)).toEqual(ids);
  });
});
