import { countRecords, findRecords, loadCatalogue, readDatasetFields, type FieldFilter, type RecordSettings, type RecordWindow, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";

/** A store of its own for a test file (PGlite in memory, or a fresh database at DATABASE_URL), with the plan loaded. */
export async function openTestStore(): Promise<Store> {
  const store = await createTestStore();
  await loadCatalogue(store.prisma);
  return store;
}

async function settingsOf(store: Store, datasetId: string): Promise<RecordSettings> {
  const fields = await store.prisma.$transaction((tx) => readDatasetFields(tx, datasetId));
  return { datasetId, mode: "SNAPSHOT", fields };
}

/** The records the graph serves for a window (asOf: that snapshot; from/to: every one between), as the records API reads them. */
export async function recordsIn(store: Store, datasetId: string, window: RecordWindow & { filter?: FieldFilter[] }, first = 100) {
  return (await findRecords(store.prisma, await settingsOf(store, datasetId), { ...window, first })).records;
}

export async function recordCount(store: Store, datasetId: string, window: RecordWindow): Promise<number> {
  return countRecords(store.prisma, await settingsOf(store, datasetId), window);
}
