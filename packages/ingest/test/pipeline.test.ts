import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRecords, readDatasetFields, type RecordSettings, type Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile, type IngestProgress } from "../src/index.js";
import { pipelineFixture, sha256Of } from "./support/fixtures.js";
import { openTestStore, writeStatements } from "./support/store.js";

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store?.close());

/** The records in force at `asOf` (the latest snapshot of each resource), as the graph reads them. */
async function snapshotAt(datasetId: string, asOf?: Date) {
  const fields = await store.prisma.$transaction((tx) => readDatasetFields(tx, datasetId));
  const settings: RecordSettings = { datasetId, mode: "SNAPSHOT", fields };
  return (await findRecords(store.prisma, settings, { asOf: asOf ?? null, first: 100 })).records;
}

async function fieldTypes(datasetId: string): Promise<Record<string, string>> {
  const fields = await store.prisma.datasetField.findMany({ where: { datasetId }, orderBy: { position: "asc" } });
  return Object.fromEntries(fields.map((field) => [field.name, field.type]));
}

describe("JSON: an A&E v2 snapshot into ha-aed-waiting-time", () => {
  const first = pipelineFixture("aed-snapshot-0430.json");
  const second = pipelineFixture("aed-snapshot-0445.json");

  it("stores every record, observed at the file's updateTime in Hong Kong, with its provenance", async () => {
    const result = await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: first });
    const observedAt = new Date("2026-01-20T04:30:00+08:00");
    expect(result).toMatchObject({
      status: "ingested",
      datasetId: "ha-aed-waiting-time",
      location: first,
      records: 3,
      sha256: sha256Of(first),
      observedAt,
      resource: "ha-aed-waiting-time",
      releaseId: "ha-aed-waiting-time@2018-12", // D8, published 2018-12, in force in 2026
    });
    const ingestion = await store.prisma.ingestion.findUniqueOrThrow({ where: { id: result.ingestionId! } });
    expect(ingestion).toMatchObject({ location: first, sha256: sha256Of(first), format: "JSON", recordCount: 3, observedAt, resource: "ha-aed-waiting-time" });
    const records = await store.prisma.record.findMany({ where: { ingestionId: ingestion.id }, orderBy: { ordinal: "asc" } });
    expect(records.map((record) => record.ordinal)).toEqual([1, 2, 3]);
    expect(records.every((record) => record.observedAt.getTime() === observedAt.getTime())).toBe(true);
    expect(records[2]?.fields).toEqual({
      hospName: "Queen Elizabeth Hospital",
      t1wt: "0 minute",
      manageT1case: "Y",
      t2wt: "18 minutes",
      manageT2case: "N",
      t3p50: "41 minutes",
      t3p95: "2 hours",
      t45p50: "5 hours",
      t45p95: "7.5 hours",
    });
    expect(await fieldTypes("ha-aed-waiting-time")).toEqual({
      hospName: "STRING",
      t1wt: "STRING",
      manageT1case: "STRING",
      t2wt: "STRING",
      manageT2case: "STRING",
      t3p50: "STRING",
      t3p95: "STRING",
      t45p50: "STRING",
      t45p95: "STRING",
    });
    expect(await store.prisma.source.findUniqueOrThrow({ where: { datasetId_location: { datasetId: "ha-aed-waiting-time", location: first } } })).toMatchObject({
      etag: null,
      lastModified: null,
      checkedAt: ingestion.fetchedAt,
    });
  });

  it("finds the same bytes again a duplicate, and sends no statement that writes", async () => {
    const { result, statements } = await store.sqlLog.record(() => ingestFile(store, { datasetId: "ha-aed-waiting-time", location: first }));
    expect(result).toMatchObject({ status: "duplicate", records: 0, sha256: sha256Of(first) });
    expect(statements.length).toBeGreaterThan(0);
    expect(writeStatements(statements)).toEqual([]);
    expect(await store.prisma.ingestion.count({ where: { datasetId: "ha-aed-waiting-time" } })).toBe(1);
  });

  it("adds a second snapshot to the history rather than replacing the first", async () => {
    const result = await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: second });
    expect(result).toMatchObject({ status: "ingested", records: 3, observedAt: new Date("2026-01-20T04:45:00+08:00") });
    expect(await store.prisma.record.count({ where: { datasetId: "ha-aed-waiting-time" } })).toBe(6);

    const latest = await snapshotAt("ha-aed-waiting-time");
    expect(latest.map((record) => record.fields["t3p50"])).toEqual(["22 minutes", "31 minutes", "38 minutes"]);
    const earlier = await snapshotAt("ha-aed-waiting-time", new Date("2026-01-20T04:40:00+08:00"));
    expect(earlier.map((record) => record.fields["t3p50"])).toEqual(["25 minutes", "29 minutes", "41 minutes"]);
  });

  it("fills the series of the official file it is named after: aedwtdata2-tc.json, aedwtdata-sc.json", async () => {
    const folder = mkdtempSync(join(tmpdir(), "aed-named-"));
    try {
      const current = join(folder, "aedwtdata2-tc.json");
      const legacy = join(folder, "aedwtdata-sc.json");
      writeFileSync(current, readFileSync(first, "utf8").replace("4:30AM", "5:00AM"));
      writeFileSync(legacy, JSON.stringify({ waitTime: [{ hospName: "伊利沙伯醫院", topWait: "超過2小時" }], updateTime: "20/1/2026 5:00AM" }));
      expect(await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: current })).toMatchObject({ status: "ingested", resource: "aedwtdata2-tc" });
      expect(await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: legacy })).toMatchObject({ status: "ingested", resource: "aedwtdata-sc" });
      // Asked for, a series wins over the name.
      writeFileSync(current, readFileSync(first, "utf8").replace("4:30AM", "5:15AM"));
      expect(await ingestFile(store, { datasetId: "ha-aed-waiting-time", location: current, resource: "feed" })).toMatchObject({ resource: "feed" });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("CSV: vaccinations by age into hb-covid19-vaccination-by-age", () => {
  const path = pipelineFixture("vaccination-by-age.csv");

  it("normalises values, types the fields, dates each row by its own Date and reports progress", async () => {
    const progress: IngestProgress[] = [];
    const result = await ingestFile(store, {
      datasetId: "hb-covid19-vaccination-by-age",
      location: path,
      observedAt: new Date("2022-04-23T12:00:00+08:00"), // the file's time: each row's Date wins
      onProgress: (report) => progress.push(report),
    });
    // The file is observed at its latest row's day, midnight in Hong Kong.
    const observedAt = new Date("2022-04-10T00:00:00+08:00");
    expect(result).toMatchObject({ status: "ingested", records: 4, observedAt, sha256: sha256Of(path), releaseId: "hb-covid19-vaccination-by-age@2021-12" });
    expect(progress.map((report) => report.records)).toEqual([4]);
    const types = await fieldTypes("hb-covid19-vaccination-by-age");
    expect(Object.keys(types)).toHaveLength(15);
    expect(types).toMatchObject({ Date: "DATE", "Age Group": "STRING", Sex: "STRING", "Sinovac 1st dose": "NUMBER", "BioNTech 6th dose": "NUMBER" });
    const [row] = await store.prisma.$queryRawUnsafe<Array<{ doses: number }>>(
      `SELECT sum((fields->>'BioNTech 1st dose')::numeric)::int AS doses FROM "Record" WHERE "datasetId" = $1`,
      "hb-covid19-vaccination-by-age",
    );
    expect(row?.doses).toBe(210 + 198 + 14 + 17);
    const first = await store.prisma.record.findFirstOrThrow({ where: { ingestionId: result.ingestionId! }, orderBy: { ordinal: "asc" } });
    expect(first.fields).toMatchObject({ Date: "2022-04-09", "Age Group": "30-39", Sex: "M", "Sinovac 1st dose": 120 });
    expect(first.observedAt).toEqual(new Date("2022-04-09T00:00:00+08:00"));
  });

  it("links no release when the data predates every published one", async () => {
    const path = pipelineFixture("vaccination-without-extension");
    // Its one row is of 2021-06-30; the dataset's first release is of 2021-12.
    const result = await ingestFile(store, { datasetId: "hb-covid19-vaccination-by-age", location: path, format: "CSV" });
    expect(result).toMatchObject({ status: "ingested", records: 1, releaseId: null });
  });
});

describe("XLSX: HA facility directories into ha-facility-directory (a snapshot per file)", () => {
  const ingestDirectory = (location: string, observedAt: string) =>
    ingestFile(store, { datasetId: "ha-facility-directory", location, observedAt: new Date(observedAt) });

  it("names each file's snapshot after the file, and a later file replaces only its own", async () => {
    const hospitals = await ingestDirectory(pipelineFixture("facility-hosp.xlsx"), "2025-01-10T09:00:00+08:00");
    const clinics = await ingestDirectory(pipelineFixture("facility-gop.xlsx"), "2025-01-10T09:05:00+08:00");
    expect(hospitals).toMatchObject({ status: "ingested", records: 3, resource: "facility-hosp" });
    expect(clinics).toMatchObject({ status: "ingested", records: 2, resource: "facility-gop" });
    expect(await fieldTypes("ha-facility-directory")).toEqual({
      cluster_eng: "STRING",
      institution_eng: "STRING",
      with_AE_service_eng: "STRING",
      institution_tc: "STRING",
      latitude: "NUMBER",
      longitude: "NUMBER",
    });

    const updated = await ingestDirectory(pipelineFixture("updated/facility-hosp.xlsx"), "2025-04-10T09:00:00+08:00");
    expect(updated).toMatchObject({ status: "ingested", records: 2, resource: "facility-hosp" });
    const names = (records: Awaited<ReturnType<typeof snapshotAt>>) => records.map((record) => record.fields["institution_eng"]).sort();
    expect(names(await snapshotAt("ha-facility-directory"))).toEqual([
      "Anne Black General Out-patient Clinic",
      "Cheung Sha Wan Jockey Club General Out-patient Clinic",
      "Hong Kong Children's Hospital",
      "Pamela Youde Nethersole Eastern Hospital",
    ]);
    expect(names(await snapshotAt("ha-facility-directory", new Date("2025-02-01T00:00:00+08:00")))).toHaveLength(5);
    const [queenElizabeth] = (await snapshotAt("ha-facility-directory", new Date("2025-02-01T00:00:00+08:00"))).filter(
      (record) => record.fields["institution_eng"] === "Queen Elizabeth Hospital",
    );
    expect(queenElizabeth?.fields).toMatchObject({ institution_tc: "伊利沙伯醫院", latitude: 22.308966, longitude: 114.174838 });
  });
});

describe("XML: eHRSS healthcare providers into hb-ehrss-healthcare-providers", () => {
  it("flattens attributes and nested elements into fields", async () => {
    const path = pipelineFixture("ehrss-providers.xml");
    const result = await ingestFile(store, { datasetId: "hb-ehrss-healthcare-providers", location: path, observedAt: new Date("2024-05-01T10:00:00+08:00") });
    expect(result).toMatchObject({ status: "ingested", records: 3, sha256: sha256Of(path), releaseId: "hb-ehrss-healthcare-providers@2019-03" });
    const records = await store.prisma.record.findMany({ where: { ingestionId: result.ingestionId! }, orderBy: { ordinal: "asc" } });
    expect(records[1]?.fields).toEqual({
      "@id": "P002",
      name_en: "Kowloon Bay Dental",
      name_tc: "九龍灣牙科",
      type: "Dental",
      district: "Kwun Tong",
      address: "1 Wang Chiu Road",
      "address.@lang": "en",
      "address.building": "Telford Plaza",
    });
    expect((await fieldTypes("hb-ehrss-healthcare-providers"))["@id"]).toBe("STRING");
  });
});

describe("release links", () => {
  const datasetId = "hb-dhc-main-centres"; // plan row A1: planned for 2022-01, no publication recorded

  it("never marks a release published without being asked", async () => {
    const result = await ingestFile(store, { datasetId, location: pipelineFixture("dhc-centres.json"), observedAt: new Date("2023-03-01T00:00:00+08:00") });
    expect(result).toMatchObject({ status: "ingested", records: 2, releaseId: null });
    expect(await store.prisma.release.findUniqueOrThrow({ where: { id: `${datasetId}@2022-01` } })).toMatchObject({ releasedMonth: null });
  });

  it("records the publication of the release asked for, in the Hong Kong month of the fetch", async () => {
    const result = await ingestFile(store, { datasetId, location: pipelineFixture("dhc-centres-2023.json"), releaseId: `${datasetId}@2022-01` });
    expect(result).toMatchObject({ status: "ingested", records: 3, releaseId: `${datasetId}@2022-01` });
    const ingestion = await store.prisma.ingestion.findUniqueOrThrow({ where: { id: result.ingestionId! } });
    const fetchMonth = new Date(ingestion.fetchedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(await store.prisma.release.findUniqueOrThrow({ where: { id: `${datasetId}@2022-01` } })).toMatchObject({ releasedMonth: fetchMonth });
  });
});

describe("ingests at the same time", () => {
  const datasetId = "hb-dhc-express-main-centres";

  it("into one dataset take turns: both files' fields are kept", async () => {
    const [first, second] = await Promise.all([
      ingestFile(store, { datasetId, location: pipelineFixture("dhc-centres.json") }),
      ingestFile(store, { datasetId, location: pipelineFixture("ehrss-providers.xml"), format: "XML" }),
    ]);
    expect([first.status, second.status]).toEqual(["ingested", "ingested"]);
    expect(Object.keys(await fieldTypes(datasetId)).sort()).toEqual(["@id", "address", "address.@lang", "address.building", "centre", "district", "name_en", "name_tc", "type"]);
  });

  it("of the same bytes store them once: the other finds a duplicate", async () => {
    const location = pipelineFixture("dhc-centres-2023.json");
    const results = await Promise.all([ingestFile(store, { datasetId, location }), ingestFile(store, { datasetId, location })]);
    expect(results.map((result) => result.status).sort()).toEqual(["duplicate", "ingested"]);
    expect(new Set(results.map((result) => result.ingestionId)).size).toBe(1);
  });
});
