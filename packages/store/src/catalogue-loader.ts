import { catalogueAgencies, catalogueDatasets, recordProfileOf, type CatalogueDataset } from "@hkhealth/plan";
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

/**
 * Writes the plan's agencies, datasets and releases, in one transaction, touching only rows
 * that are missing or differ: loading twice writes nothing the second time. A publication
 * recorded for a planned release (its `releasedMonth`) is kept.
 */
export async function loadCatalogue(prisma: PrismaClient): Promise<CatalogueLoadResult> {
  const agencies = catalogueAgencies.map((agency) => ({ code: agency.code, nameEn: agency.nameEn, nameZh: agency.nameZh }));
  const datasets = catalogueDatasets.map((dataset, index) => datasetRow(dataset, index + 1));
  const releases = catalogueDatasets.flatMap(releaseRows);

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
    return count;
  });
  return { agencies: agencies.length, datasets: datasets.length, releases: releases.length, written };
}
