import DataLoader from "dataloader";
import type { AgencyCode } from "@hkhealth/plan";
import type { BatchOptions } from "./request-statements.js";
import type { Agency, Dataset, DistributionSync, PrismaClient, Release } from "./generated/prisma/client.js";

function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Batched lookups for one request: every list or entity lookup in a resolver goes through these,
 * so a query costs the same number of SQL statements whatever the number of rows it touches.
 * Create them per request (they cache), never at module scope.
 */
export function createCatalogueLoaders(prisma: PrismaClient, options: BatchOptions = {}) {
  return {
    agencyByCode: new DataLoader<AgencyCode, Agency | null>(async (codes) =>
      byKey(codes, await prisma.agency.findMany({ where: { code: { in: [...codes] } } }), (row) => row.code),
      options,
    ),
    datasetById: new DataLoader<string, Dataset | null>(async (ids) =>
      byKey(ids, await prisma.dataset.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
      options,
    ),
    datasetsByAgency: new DataLoader<AgencyCode, Dataset[]>(async (codes) =>
      groupByKey(
        codes,
        await prisma.dataset.findMany({ where: { agencyCode: { in: [...codes] } }, orderBy: { position: "asc" } }),
        (row) => row.agencyCode,
      ),
      options,
    ),
    releaseById: new DataLoader<string, Release | null>(async (ids) =>
      byKey(ids, await prisma.release.findMany({ where: { id: { in: [...ids] } } }), (row) => row.id),
      options,
    ),
    /** Releases of each dataset, oldest first. */
    releasesByDatasetId: new DataLoader<string, Release[]>(async (ids) =>
      groupByKey(
        ids,
        await prisma.release.findMany({ where: { datasetId: { in: [...ids] } }, orderBy: [{ month: "asc" }] }),
        (row) => row.datasetId,
      ),
      options,
    ),
    /** The sync state of each dataset's official files (rows the sync writes as it checks them). */
    distributionSyncsByDatasetId: new DataLoader<string, DistributionSync[]>(async (ids) =>
      groupByKey(ids, await prisma.distributionSync.findMany({ where: { datasetId: { in: [...ids] } } }), (row) => row.datasetId),
      options,
    ),
  };
}

export type CatalogueLoaders = ReturnType<typeof createCatalogueLoaders>;
