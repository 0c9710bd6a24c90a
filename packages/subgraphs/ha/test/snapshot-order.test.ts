import { resolve } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { findRecords, loadCatalogue, readDatasetFields, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAedSnapshot } from "../src/aed/aed-records.js";
import { PublishedLanguage } from "@hkhealth/plan";
import { findFacilityRecords } from "../src/directory/facility-records.js";
import { FACILITY_DIRECTORY_DATASET, AED_WAITING_TIME_DATASET } from "../src/datasets.js";
import { ownFixtures, variantOf } from "./shared-fixtures.js";

// Which file of a SNAPSHOT dataset is in force must not depend on the order files were ingested
// or committed in (two ingests may run at once): the latest observation wins, and of files
// observed at the same instant, the one stored last, alone.

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
  await loadCatalogue(store.prisma);
});
afterAll(async () => {
  await store?.close();
});

/** The records in force at `asOf` as the store's generic records view reads them. */
async function storeSnapshot(datasetId: string, asOf: Date | null = null) {
  const fields = await store.prisma.$transaction((tx) => readDatasetFields(tx, datasetId));
  return (await findRecords(store.prisma, { datasetId, mode: "SNAPSHOT", fields }, { asOf, first: 1000 })).records;
}

async function ingest(datasetId: string, location: string, observedAt?: string) {
  const result = await ingestFile(store, { datasetId, location, ...(observedAt && { observedAt: new Date(observedAt) }) });
  expect(result.status).toBe("ingested");
  return result.ingestionId!;
}

describe("the snapshot in force, whatever order its files were ingested in", () => {
  it("stays the newer directory when an older one is ingested after it", async () => {
    const newer = await variantOf("facility-hosp.json", (hospitals: unknown[]) => hospitals.slice(0, 5));
    const newerId = await ingest(FACILITY_DIRECTORY_DATASET, newer, "2025-06-01T00:00:00+08:00");
    const olderId = await ingest(FACILITY_DIRECTORY_DATASET, resolve(ownFixtures, "facility-hosp.json"), "2025-01-01T00:00:00+08:00");

    const latest = await storeSnapshot(FACILITY_DIRECTORY_DATASET);
    expect(latest.map((record) => record.ingestionId)).toEqual([newerId, newerId, newerId, newerId, newerId]);
    const typed = await findFacilityRecords(store.prisma);
    expect(typed.map((record) => record.ingestionId)).toEqual([newerId, newerId, newerId, newerId, newerId]);
    // The older file is in force only at times before the newer one.
    const before = await storeSnapshot(FACILITY_DIRECTORY_DATASET, new Date("2025-03-01T00:00:00+08:00"));
    expect(before).toHaveLength(9);
    expect(new Set(before.map((record) => record.ingestionId))).toEqual(new Set([olderId]));
  });

  it("takes, of two files observed at the same instant, the one stored last, never both", async () => {
    const sameInstant = "21/1/2026 10:00PM";
    const fewer = await variantOf("aedwtdata2-en.json", (feed: { waitTime: object[] }) => ({ ...feed, waitTime: feed.waitTime.slice(0, 2), updateTime: sameInstant }));
    const more = await variantOf("aedwtdata2-en.json", (feed: { waitTime: object[] }) => ({ ...feed, waitTime: feed.waitTime.slice(0, 3), updateTime: sameInstant }));
    await ingest(AED_WAITING_TIME_DATASET, fewer);
    const lastId = await ingest(AED_WAITING_TIME_DATASET, more);

    const typed = await findAedSnapshot(store.prisma, { language: PublishedLanguage.EN, asOf: null });
    expect(typed.map((record) => record.ingestionId)).toEqual([lastId, lastId, lastId]);
    const generic = await storeSnapshot(AED_WAITING_TIME_DATASET);
    expect(generic.map((record) => record.ingestionId)).toEqual([lastId, lastId, lastId]);

    const fewerAgain = await variantOf("facility-hosp.json", (hospitals: unknown[]) => hospitals.slice(0, 3));
    const directoryId = await ingest(FACILITY_DIRECTORY_DATASET, fewerAgain, "2025-06-01T00:00:00+08:00"); // the instant of the first test's newer file
    const directory = await findFacilityRecords(store.prisma);
    expect(directory.map((record) => record.ingestionId)).toEqual([directoryId, directoryId, directoryId]);
    expect((await storeSnapshot(FACILITY_DIRECTORY_DATASET)).map((record) => record.ingestionId)).toEqual([directoryId, directoryId, directoryId]);
  });
});
