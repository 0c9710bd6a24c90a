import { createHash } from "node:crypto";
import { catalogueAgencies, catalogueDatasets, recordProfileOf, type CatalogueAgency, type CatalogueDataset } from "@hkhealth/plan";
import { announceDataChange, CATALOGUE_CHANGED } from "./data-changes.js";
import type { PrismaClient } from "./generated/prisma/client.js";

export interface CatalogueLoadResult {
  readonly agencies: number;
  readonly datasets: number;
  readonly releases: number;
  /** Rows inserted or changed by this load; 0 when the database already held the plan. */
  readonly written: number;
}

/** A transaction-level advisory lock (any number unlike the schema engine's 72707369). */
const CATALOGUE_LOCK_ID = 72707370;

/** `<datasetId>@<YYYY-MM>`: a dataset has at most one release a month. */
export function releaseId(datasetId: string, month: string): string {
  return `${datasetId}@${month}`;
}

function datasetRow(dataset: CatalogueDataset, position: number) {
  const latest = dataset.releases.at(-1);
  if (!latest) throw new Error(`Catalogue dataset ${dataset.id} has no release`);
  const profile = recordProfileOf(dataset);
  return {
    id: dataset.id,
    agencyCode: dataset.agency,
    position,
    planName: dataset.planName,
    categoryZh: dataset.categoryZh,
    titleZh: dataset.titleZh,
    titleEn: dataset.titleEn,
    updateFrequency: latest.updateFrequency,
    recordMode: profile.mode,
    recordPath: profile.recordPath ?? null,
    observedAtField: profile.observedAtField ?? null,
    resourcePerFile: profile.resourcePerFile ?? false,
    filterFields: [...(profile.filterFields ?? [])],
    sortFields: [...(profile.sortFields ?? [])],
  };
}

function releaseRows(dataset: CatalogueDataset) {
  return dataset.releases.map((release) => ({
    id: releaseId(dataset.id, release.month),
    datasetId: dataset.id,
    planRow: release.planRow,
    section: release.section,
    month: release.month,
    // Section D lists what is already on DATA.GOV.HK: published in its own month.
    releasedMonth: release.section === "D" ? release.month : null,
    updateFrequency: release.updateFrequency,
    formats: [...release.formats],
    descriptionZh: release.descriptionZh,
    descriptionEn: release.descriptionEn,
  }));
}

function sameValues(stored: object, wanted: object, ignore: readonly string[] = []): boolean {
  return Object.entries(wanted).every(
    ([key, value]) => ignore.includes(key) || JSON.stringify((stored as Record<string, unknown>)[key]) === JSON.stringify(value),
  );
}

/** What is loaded: the plan's own, unless a test gives another. */
export interface CataloguePlan {
  readonly agencies: readonly CatalogueAgency[];
  readonly datasets: readonly CatalogueDataset[];
}

const thePlan: CataloguePlan = { agencies: catalogueAgencies, datasets: catalogueDatasets };

/** sha256 of the rows to write: it changes with the plan and with how rows are made from it. */
function rowsHash(rows: object): string {
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

/**
 * The version of every catalogue row as PostgreSQL keeps it (xmin: the transaction that wrote
 * it; ctid: where): any insert, update or delete since changes it. A VACUUM FULL changes it too,
 * which costs one full comparison, never a missed change.
 */
const rowsVersionSql = `SELECT md5(coalesce(string_agg(v, ',' ORDER BY v), '')) FROM (
  SELECT 'a' || xmin::text || ctid::text AS v FROM "Agency"
  UNION ALL SELECT 'd' || xmin::text || ctid::text FROM "Dataset"
  UNION ALL SELECT 'r' || xmin::text || ctid::text FROM "Release"
) AS catalogue_rows`;

/**
 * Writes the plan's agencies, datasets and releases, in one transaction, touching only rows
 * that are missing or differ: loading twice writes nothing the second time. A publication
 * recorded for a planned release (its `releasedMonth`) is kept. When the rows hash as they did
 * at the last load and no row changed since (CatalogueLoad, emptied by triggers on any change),
 * the load is that one read.
 */
export async function loadCatalogue(prisma: PrismaClient, plan: CataloguePlan = thePlan): Promise<CatalogueLoadResult> {
  const agencies = plan.agencies.map((agency) => ({ code: agency.code, nameEn: agency.nameEn, nameZh: agency.nameZh }));
  const datasets = plan.datasets.map((dataset, index) => datasetRow(dataset, index + 1));
  const releases = plan.datasets.flatMap(releaseRows);
  const hash = rowsHash({ agencies, datasets, releases });
  const sizes = { agencies: agencies.length, datasets: datasets.length, releases: releases.length };

  const [stored] = await prisma.$queryRawUnsafe<Array<{ rowsHash: string; current: boolean }>>(
    `SELECT "rowsHash", "rowsVersion" = (${rowsVersionSql}) AS current FROM "CatalogueLoad" WHERE id = 1`,
  );
  if (stored?.rowsHash === hash && stored.current) return { ...sizes, written: 0 };

  const written = await prisma.$transaction(async (tx) => {
    // Processes starting together (two gateways, an ingest) load one at a time: the second
    // then reads what the first wrote, and writes nothing, instead of inserting it again.
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_ID})`);
    const [storedAgencies, storedDatasets, storedReleases] = await Promise.all([
      tx.agency.findMany(),
      tx.dataset.findMany({ where: { id: { in: datasets.map((d) => d.id) } } }),
      tx.release.findMany({ where: { id: { in: releases.map((r) => r.id) } } }),
    ]);
    let count = 0;
    const agencyByCode = new Map(storedAgencies.map((row) => [row.code, row]));
    for (const agency of agencies) {
      const stored = agencyByCode.get(agency.code);
      if (stored && sameValues(stored, agency)) continue;
      await tx.agency.upsert({ where: { code: agency.code }, create: agency, update: agency });
      count++;
    }
    const datasetById = new Map(storedDatasets.map((row) => [row.id, row]));
    const newDatasets = datasets.filter((dataset) => !datasetById.has(dataset.id));
    if (newDatasets.length > 0) count += (await tx.dataset.createMany({ data: newDatasets })).count;
    for (const dataset of datasets) {
      const stored = datasetById.get(dataset.id);
      if (!stored || sameValues(stored, dataset)) continue;
      await tx.dataset.update({ where: { id: dataset.id }, data: dataset });
      count++;
    }
    const releaseById = new Map(storedReleases.map((row) => [row.id, row]));
    const newReleases = releases.filter((release) => !releaseById.has(release.id));
    if (newReleases.length > 0) count += (await tx.release.createMany({ data: newReleases })).count;
    for (const release of releases) {
      const stored = releaseById.get(release.id);
      const keepRecorded = release.section !== "D" ? ["releasedMonth"] : [];
      if (!stored || sameValues(stored, release, keepRecorded)) continue;
      const { releasedMonth, ...planned } = release;
      await tx.release.update({ where: { id: release.id }, data: keepRecorded.length ? planned : { ...planned, releasedMonth } });
      count++;
    }
    // Delivered on commit only, and only when something changed: every gateway drops its answers.
    if (count > 0) await announceDataChange(tx, CATALOGUE_CHANGED);
    // Last, after the writes, so the versions are those of the rows as this load leaves them.
    const [{ version }] = await tx.$queryRawUnsafe<[{ version: string }]>(`SELECT (${rowsVersionSql}) AS version`);
    const state = { rowsHash: hash, rowsVersion: version, loadedAt: new Date() };
    await tx.catalogueLoad.upsert({ where: { id: 1 }, create: { id: 1, ...state }, update: state });
    return count;
  });
  return { ...sizes, written };
}
