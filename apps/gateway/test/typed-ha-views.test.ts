import { mkdtemp, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

// Our own files in HA's published layouts (no real SOPC, GOPC or attendance file is public in a
// form we could keep), in English and Traditional Chinese, with the values HA writes: "N/A",
// "469.0", "<1", blanks.
const fixtures = resolve(import.meta.dirname, "../../../packages/subgraphs/ha/test/fixtures");
const readJson = <T = any>(name: string): T => JSON.parse(readFileSync(resolve(fixtures, name), "utf8")) as T;
const directory = readJson<Array<Record<string, string>>>("facility-hosp.json");
const aeHospitals = directory.filter((entry) => entry.with_AE_service_eng === "Yes");
const anneBlack = "gopc:anne-black-general-out-patient-clinic";

async function ingest(datasetId: string, location: string, extra: { resource?: string; observedAt?: string } = {}) {
  const result = await ingestFile(harness.store, {
    datasetId,
    location,
    ...(extra.resource && { resource: extra.resource }),
    ...(extra.observedAt && { observedAt: new Date(extra.observedAt) }),
  });
  expect(result.status).toBe("ingested");
}

/** A file of ours changed, under `name` in a fresh folder. */
async function variant(name: string, source: string, change: (content: any) => unknown): Promise<string> {
  const path = resolve(await mkdtemp(resolve(tmpdir(), "ha-views-")), name);
  await writeFile(path, JSON.stringify(change(readJson(source))));
  return path;
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  for (const file of ["facility-hosp.json", "facility-sop.json", "facility-gop.json"]) await ingest("ha-facility-directory", resolve(fixtures, file));
  const observedAt = "2026-01-12T09:00:00+08:00";
  for (const file of ["sop-waiting-time-en.json", "sop-waiting-time-tc.json"]) await ingest("ha-sopc-new-case-waiting-time", resolve(fixtures, file), { observedAt });
  for (const file of ["g0_9uo7a_p-en.json", "g0_9uo7a_p-tc.json"]) await ingest("ha-gopc-consultation-quota", resolve(fixtures, file), { observedAt });
  await ingest("ha-day-community-services-volume", resolve(fixtures, "ae-attnd-en.json"), { observedAt });
  // English as `pnpm ingest` of one file stores it (the dataset's own series); Chinese as sync does, per file.
  await ingest("ha-aed-waiting-time", resolve(fixtures, "aedwtdata2-en.json"));
  await ingest("ha-aed-waiting-time", resolve(fixtures, "aedwtdata2-tc.json"), { resource: "aedwtdata2-tc" });
  // The legacy feed at the same instant (ingested after, so it would win on ingestion order alone), then newer.
  await ingest("ha-aed-waiting-time", resolve(fixtures, "aedwtdata-tc.json"), { resource: "aedwtdata-tc" });
  const newerLegacy = await variant("aedwtdata-tc.json", "aedwtdata-tc.json", (feed) => ({ ...feed, updateTime: "21/1/2026 9:45PM" }));
  await ingest("ha-aed-waiting-time", newerLegacy, { resource: "aedwtdata-tc" });
}, 300_000);
afterAll(async () => {
  await harness?.close();
});

describe("SOPC new case waiting times", () => {
  it("filters by cluster (name, Chinese name or code), specialty and category, and reads the values", async () => {
    const response = await harness.query(`{
      kc: sopcWaitingTimes(cluster: "KC") { totalCount edges { node { cluster hospitalCluster { code } specialty category description value weeks bound } } }
      stable: sopcWaitingTimes(specialty: "medicine", category: "STABLE") { totalCount edges { node { cluster value weeks bound } } }
      zh: sopcWaitingTimes(lang: TC, cluster: "九龍中", specialty: "眼科") { edges { node { cluster specialty category value weeks bound } } }
    }`);
    expect(response.errors).toBeUndefined();
    const { kc, stable, zh } = response.data;
    expect(kc.totalCount).toBe(4);
    expect(kc.edges.map((edge: any) => [edge.node.specialty, edge.node.category, edge.node.value, edge.node.weeks, edge.node.bound])).toEqual([
      ["Medicine", "Urgent", "1", 1, "EXACT"],
      ["Medicine", "Stable", "N/A", null, null],
      ["Eye", "Urgent", "<1", 1, "AT_MOST"],
      ["Eye", "Stable", null, null, null],
    ]);
    expect(kc.edges.every((edge: any) => edge.node.cluster === "Kowloon Central Cluster" && edge.node.hospitalCluster.code === "KC")).toBe(true);
    expect(stable.edges.map((edge: any) => [edge.node.cluster, edge.node.value])).toEqual([
      ["Hong Kong East Cluster", "52"],
      ["Kowloon Central Cluster", "N/A"],
    ]);
    expect(zh.edges.map((edge: any) => edge.node)).toEqual([
      { cluster: "九龍中醫院聯網", specialty: "眼科", category: "緊急", value: "<1", weeks: 1, bound: "AT_MOST" },
      { cluster: "九龍中醫院聯網", specialty: "眼科", category: "穩定", value: null, weeks: null, bound: null },
    ]);
    const unknown = await harness.query(`{ sopcWaitingTimes(cluster: "Atlantis") { totalCount } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("pages through one language's file, and serves it from Dataset.view without mixing languages", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const response: any = await harness.query(
        `query($after: String) { dataset(id: "ha-sopc-new-case-waiting-time") { view { ... on SopcWaitingTimeView {
          waitingTimes(lang: TC, first: 3, after: $after) { totalCount edges { cursor node { specialty description dataset { id } } } pageInfo { hasNextPage endCursor } }
        } } } }`,
        { after },
      );
      expect(response.errors).toBeUndefined();
      const page = response.data.dataset.view.waitingTimes;
      expect(page.totalCount).toBe(8);
      seen.push(...page.edges.map((edge: any) => edge.node.specialty));
      expect(page.edges.every((edge: any) => edge.node.description === "等候時間中位數（星期）" && edge.node.dataset.id === "ha-sopc-new-case-waiting-time")).toBe(true);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(readJson<Array<{ specialty: string }>>("sop-waiting-time-tc.json").map((row) => row.specialty));
    const forged = await harness.query(`{ sopcWaitingTimes(after: "bm9wZQ") { totalCount } }`);
    expect(forged.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("GOPC consultation quotas", () => {
  it("gives each clinic's quotas by weekday, linked to its directory Clinic however the file spells it, and names the ones that match none", async () => {
    const response = await harness.query(`{
      gopcConsultationQuotas { totalCount edges { node {
        clinicName district periodFrom periodTo doctorConsultationSessions quotas { weekday value quota } clinic { id kind name(lang: ZH_HANT) }
      } } }
      hospitalAuthority { gopcConsultationQuotas { en: unlinkedClinicNames tc: unlinkedClinicNames(lang: TC) } }
    }`);
    expect(response.errors).toBeUndefined();
    const quotas = response.data.gopcConsultationQuotas.edges.map((edge: any) => edge.node);
    expect(quotas.map((quota: any) => [quota.clinicName, quota.clinic?.id ?? null])).toEqual([
      ["Anne Black GOPC", anneBlack],
      ["Yau Ma Tei Jockey Club General Out-patient Clinic", "gopc:yau-ma-tei-jockey-club-general-out-patient-clinic"],
      ["Cheung Sha Wan Jockey Club General Outpatient Clinic", "gopc:cheung-sha-wan-jockey-club-general-out-patient-clinic"],
      ["Tuen Mun Clinic", "gopc:tuen-mun-clinic"],
      ["Lantau Island Mobile Clinic", null],
    ]);
    const [first] = quotas;
    expect(first).toMatchObject({ district: "Eastern", periodFrom: "2026-01-05", periodTo: "2026-01-11", doctorConsultationSessions: 38 });
    expect(first.clinic).toEqual({ id: anneBlack, kind: "GENERAL_OUTPATIENT", name: "柏立基夫人普通科門診診所" });
    expect(first.quotas.map((day: any) => [day.weekday, day.value, day.quota])).toEqual([
      ["MONDAY", "469.0", 469],
      ["TUESDAY", "455.0", 455],
      ["WEDNESDAY", "460.0", 460],
      ["THURSDAY", "470.0", 470],
      ["FRIDAY", "466.0", 466],
      ["SATURDAY", "120.0", 120],
      ["SUNDAY", "N/A", null],
    ]);
    // Blank cells: no sessions figure, no Thursday quota.
    expect(quotas[3].doctorConsultationSessions).toBeNull();
    expect(quotas[3].quotas[3]).toEqual({ weekday: "THURSDAY", value: null, quota: null });
    expect(response.data.hospitalAuthority.gopcConsultationQuotas).toEqual({ en: ["Lantau Island Mobile Clinic"], tc: ["大嶼山流動診所"] });
  });

  it("answers from a Clinic and by clinic, district and weekday in Chinese, linking the Chinese names to the same clinics", async () => {
    const response = await harness.query(`{
      clinic(id: "${anneBlack}") { en: consultationQuota { clinicName } tc: consultationQuota(lang: TC) { clinicName district quotas(weekday: MONDAY) { weekday quota } } }
      byClinic: gopcConsultationQuotas(lang: TC, clinicId: "gopc:tuen-mun-clinic") { edges { node { clinicName clinic { id } } } }
      byDistrict: gopcConsultationQuotas(lang: TC, district: "深水埗") { edges { node { clinicName } } }
      byName: gopcConsultationQuotas(clinic: "jockey club") { totalCount }
      dataset(id: "ha-gopc-consultation-quota") { view { ... on GopcConsultationQuotaView { quotas(lang: TC, first: 1) { totalCount edges { node { clinicName dataset { id } } } } } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.clinic).toEqual({
      en: { clinicName: "Anne Black GOPC" },
      tc: { clinicName: "柏立基夫人普通科門診診所", district: "東區", quotas: [{ weekday: "MONDAY", quota: 469 }] },
    });
    expect(response.data.byClinic.edges).toEqual([{ node: { clinicName: "屯門診所", clinic: { id: "gopc:tuen-mun-clinic" } } }]);
    expect(response.data.byDistrict.edges).toEqual([{ node: { clinicName: "長沙灣賽馬會普通科門診診所" } }]);
    expect(response.data.byName.totalCount).toBe(2);
    expect(response.data.dataset.view.quotas).toEqual({ totalCount: 5, edges: [{ node: { clinicName: "柏立基夫人普通科門診診所", dataset: { id: "ha-gopc-consultation-quota" } } }] });
  });

  it("costs the same SQL statements for 1 quota's clinic as for 5", async () => {
    const query = `query($first: Int) { gopcConsultationQuotas(first: $first) { edges { node { clinic { id name address } } } } }`;
    const counts: number[] = [];
    for (const first of [1, 5]) {
      const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data.gopcConsultationQuotas.edges).toHaveLength(first);
      counts.push(statements.length);
    }
    // The quota file, and the directory once, to link names and to answer each clinic.
    expect(counts).toEqual([2, 2]);
  });
});

describe("A&E attendances by hospital and year", () => {
  it("filters by financial year however written and by hospital, linked to Hospital, and names the hospitals that match none", async () => {
    const response = await harness.query(`{
      year: aeAttendances(financialYear: "2023/24", first: 100) { totalCount edges { node { financialYear startYear hospitalName attendances hospital { id name(lang: ZH_HANT) } } } }
      stJohn: aeAttendances(hospitalId: "st-john-hospital") { edges { node { financialYear hospitalName attendances } } }
      view: dataset(id: "ha-day-community-services-volume") { view { ... on AeAttendanceView { unlinkedHospitalNames attendances(financialYear: "2022") { totalCount } } } }
      hospital(id: "queen-elizabeth-hospital") { aeAttendances { financialYear attendances } }
    }`);
    expect(response.errors).toBeUndefined();
    const file = readJson<Array<Record<string, string | number>>>("ae-attnd-en.json");
    const expected = file.filter((row) => row["Financial Year"] === "2023-24");
    expect(response.data.year.totalCount).toBe(expected.length);
    const nodes = response.data.year.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => [node.financialYear, node.startYear, node.hospitalName, node.attendances])).toEqual(
      expected.map((row) => ["2023-24", 2023, row["Hospital"], Number(row["AE Attendances"])]),
    );
    expect(nodes.find((node: any) => node.hospitalName === "St John Hospital").hospital).toEqual({ id: "st-john-hospital", name: "長洲醫院" });
    expect(nodes.find((node: any) => node.hospitalName === "North Lantau Hospital").hospital).toBeNull();
    expect(response.data.stJohn.edges.map((edge: any) => edge.node)).toEqual([
      { financialYear: "2022-23", hospitalName: "St John Hospital", attendances: 8210 },
      { financialYear: "2023-24", hospitalName: "St John Hospital", attendances: 9210 },
    ]);
    expect(response.data.view.view).toEqual({ unlinkedHospitalNames: ["North Lantau Hospital"], attendances: { totalCount: 7 } });
    // "152345" as text in the file reads as the number.
    expect(response.data.hospital.aeAttendances).toEqual([
      { financialYear: "2022-23", attendances: 152345 },
      { financialYear: "2023-24", attendances: 153345 },
    ]);
  });

  it("links each row to its dataset and to the release its file was ingested under", async () => {
    const ingestion = await harness.store.prisma.ingestion.findFirstOrThrow({ where: { datasetId: "ha-day-community-services-volume" } });
    const response = await harness.query(`{ aeAttendances(first: 1) { edges { node { dataset { id } release { id } } } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.aeAttendances.edges[0].node).toEqual({
      dataset: { id: "ha-day-community-services-volume" },
      release: ingestion.releaseId === null ? null : { id: ingestion.releaseId },
    });
  });

  it("costs the same SQL statements for 1 row's hospital as for 14", async () => {
    const query = `query($first: Int) { aeAttendances(first: $first) { edges { node { hospital { id name aedWaitingTime { hospitalName } } } } } }`;
    const counts: number[] = [];
    for (const first of [1, 14]) {
      const { result, statements } = await harness.store.sqlLog.record(() => harness.query(query, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data.aeAttendances.edges).toHaveLength(first);
      counts.push(statements.length);
    }
    // The attendance file; the directory; the A&E snapshot.
    expect(counts).toEqual([3, 3]);
  });
});

describe("A&E waiting times in Chinese as well as English", () => {
  const hk = (time: string) => `2026-01-21T${time}:00+08:00`;

  it("serves each language's latest snapshot, the legacy feed when it is the newer, linked to the same hospitals", async () => {
    const response = await harness.query(`{
      hospitals(withAeService: true) {
        id name(lang: ZH_HANT)
        en: aedWaitingTime { hospitalName observedAt triage3Median { minutes } }
        tc: aedWaitingTime(lang: TC) { hospitalName observedAt topWait { text minutes bound } triage3Median { minutes } }
        tcEarlier: aedWaitingTime(lang: TC, asOf: "${hk("21:20")}") { hospitalName observedAt topWait { text } triage3Median { text minutes } }
        sc: aedWaitingTime(lang: SC) { hospitalName }
      }
      hospitalAuthority { aedWaitingTimes { unlinkedHospitalNames } }
    }`);
    expect(response.errors).toBeUndefined();
    const hospitals = response.data.hospitals as any[];
    expect(hospitals).toHaveLength(aeHospitals.length);
    const current = readJson<{ waitTime: Array<Record<string, string>> }>("aedwtdata2-tc.json").waitTime;
    for (const hospital of hospitals) {
      expect(hospital.en.observedAt).toBe(hk("21:15"));
      expect(hospital.en.hospitalName).not.toMatch(/\p{Script=Han}/u);
      // The legacy feed's 9:45 snapshot is the newer: its topWait, no triage categories.
      expect(hospital.tc).toMatchObject({ hospitalName: hospital.name, observedAt: hk("21:45"), triage3Median: null });
      expect(hospital.tc.topWait.text).toMatch(/^(超過\d小時|約1小時)$/);
      // At 9:20 both Chinese feeds have a 9:15 snapshot: the current one's is served.
      const published = current.find((item) => item["hospName"] === hospital.name);
      expect(hospital.tcEarlier).toEqual({ hospitalName: hospital.name, observedAt: hk("21:15"), topWait: null, triage3Median: { text: published?.["t3p50"], minutes: Number(published?.["t3p50"]?.replace("分鐘", "")) } });
      expect(hospital.sc).toBeNull();
    }
    const stJohn = hospitals.find((hospital) => hospital.id === "st-john-hospital");
    expect(stJohn.tc.topWait).toEqual({ text: "約1小時", minutes: 60, bound: "ABOUT" });
    expect(response.data.hospitalAuthority.aedWaitingTimes.unlinkedHospitalNames).toEqual([]);
  });

  it("keeps each language's history and latest list apart", async () => {
    const response = await harness.query(`{ hospitalAuthority { aedWaitingTimes {
      en: history(hospitalId: "st-john-hospital") { totalCount edges { node { hospitalName observedAt } } }
      tc: history(hospitalId: "st-john-hospital", lang: TC) { totalCount edges { node { hospitalName observedAt hospital { id } } } }
      latestTc: latest(lang: TC) { hospitalName }
      latestEn: latest { hospitalName }
    } } }`);
    expect(response.errors).toBeUndefined();
    const view = response.data.hospitalAuthority.aedWaitingTimes;
    expect(view.en.edges.map((edge: any) => edge.node)).toEqual([{ hospitalName: "St John Hospital", observedAt: hk("21:15") }]);
    expect(view.tc.totalCount).toBe(3);
    expect(view.tc.edges.map((edge: any) => edge.node.observedAt)).toEqual([hk("21:15"), hk("21:15"), hk("21:45")]);
    expect(view.tc.edges.every((edge: any) => edge.node.hospitalName === "長洲醫院" && edge.node.hospital.id === "st-john-hospital")).toBe(true);
    expect(view.latestTc.every((item: any) => /\p{Script=Han}/u.test(item.hospitalName))).toBe(true);
    expect(view.latestEn.every((item: any) => !/\p{Script=Han}/u.test(item.hospitalName))).toBe(true);
  });
});

describe("files the row schemas refuse", () => {
  it.each([
    ["ha-sopc-new-case-waiting-time", "sop-waiting-time-en.json", (rows: any[]) => rows.map((row, index) => (index === 2 ? { ...row, specialty: undefined } : row)), "$[2]", "specialty", "is missing"],
    ["ha-gopc-consultation-quota", "g0_9uo7a_p-en.json", (rows: any[]) => rows.map((row, index) => (index === 1 ? { ...row, Period: { from: "2026-01-05", to: "20260111" } } : row)), "$[1]", "Period.from", 'must be a date "YYYYMMDD"'],
    ["ha-day-community-services-volume", "ae-attnd-en.json", (rows: any[]) => rows.map((row, index) => (index === 4 ? { ...row, "AE Attendances": "lots" } : row)), "$[4]", "AE Attendances", "must be a number"],
  ])("refuses a bad %s file whole, naming the row and field", async (datasetId, name, change, place, field, problem) => {
    const path = await variant(name, name, change);
    const before = await harness.store.prisma.ingestion.count({ where: { datasetId } });
    const error = await ingestFile(harness.store, { datasetId, location: path }).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    expect(error?.message).toContain(place);
    expect(error?.message).toContain(`field "${field}"`);
    expect(error?.message).toContain(problem);
    expect(await harness.store.prisma.ingestion.count({ where: { datasetId } })).toBe(before);
  });
});
