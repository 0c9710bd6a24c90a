import { loadCatalogue, type Store } from "@hkhealth/store";
import { createTestStore } from "@hkhealth/store/testing";

/** A store of its own for a test file (PGlite in memory, or a fresh database at DATABASE_URL), with the plan loaded. */
export async function openTestStore(): Promise<Store> {
  const store = await createTestStore();
  await loadCatalogue(store.prisma);
  return store;
}

export interface TableCounts {
  readonly records: number;
  readonly ingestions: number;
  readonly datasetFields: number;
  readonly sources: number;
  /** Releases with a publication recorded. */
  readonly releasedReleases: number;
}

/** How much the ingest has written so far: "nothing written" means these do not move. */
export async function tableCounts(store: Store): Promise<TableCounts> {
  const [records, ingestions, datasetFields, sources, releasedReleases] = await Promise.all([
    store.prisma.record.count(),
    store.prisma.ingestion.count(),
    store.prisma.datasetField.count(),
    store.prisma.source.count(),
    store.prisma.release.count({ where: { releasedMonth: { not: null } } }),
  ]);
  return { records, ingestions, datasetFields, sources, releasedReleases };
}

/** Statements that change data; a SELECT is not one. */
export function writeStatements(statements: readonly string[]): string[] {
  return statements.filter((sql) => /\b(INSERT|UPDATE|DELETE|TRUNCATE|MERGE)\b/i.test(sql));
}
