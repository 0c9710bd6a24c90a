import { join } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import { offPlanDatasets } from "@hkhealth/plan";
import { loadCatalogue, registerDataset, type Store } from "@hkhealth/store";
import type { BenchDatabase } from "../database.js";
import { SeededRandom } from "../random.js";
import type { Scale } from "../scales.js";
import { aedHospitals, writeAedFiles, type GeneratedFile } from "../synthetic/aed.js";
import { SYNTHETIC_AED, SYNTHETIC_WIDE, syntheticDatasets } from "../synthetic/datasets.js";
import { writeWideFiles } from "../synthetic/wide.js";
import { loadTypedTable, typedAed, typedWide } from "../typed-floor/typed-tables.js";
import { copyWithPsql, type CopyFigures } from "./psql-copy.js";
import { fixturesDir, realFiles } from "./real-files.js";

export interface IngestFigures {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

export interface RealFileIngest extends Partial<IngestFigures> {
  readonly path: string;
  readonly datasetId: string;
  readonly error?: string;
  readonly copy?: CopyFigures;
}

export interface FillReport {
  readonly seed: number;
  readonly generation: { readonly files: number; readonly records: number; readonly seconds: number };
  /** The synthetic files through ingestFile (the one ingest path), by dataset and in all. */
  readonly ingest: Record<string, IngestFigures>;
  /** The same files through `psql \copy` (PostgreSQL only). */
  readonly copy?: Record<string, CopyFigures>;
  /** The same files through `psql \copy` into the typed floor's tables, indexes included (PostgreSQL only). */
  readonly typedCopy?: Record<string, CopyFigures>;
  readonly realFiles: readonly RealFileIngest[];
  readonly realFilesNote?: string;
}

function figures(records: number, seconds: number): IngestFigures {
  return { records, seconds, recordsPerSecond: records / seconds };
}

async function ingestAll(store: Store, datasetId: string, files: readonly GeneratedFile[], log: (line: string) => void): Promise<IngestFigures> {
  let records = 0;
  const started = performance.now();
  for (const file of files) {
    const result = await ingestFile(store, { datasetId, location: file.path });
    if (result.status !== "ingested") throw new Error(`${file.path}: ${result.status}, expected ingested (the database was not empty?)`);
    records += result.records;
    log(`  ingested ${file.label} (${result.records} records) into ${datasetId}`);
  }
  return figures(records, (performance.now() - started) / 1000);
}

/** The typed floor's tables, loaded from the same CSV files (they stay for its load). */
async function loadTypedTables(url: string, aedFiles: readonly GeneratedFile[], wideFiles: readonly GeneratedFile[]): Promise<Record<string, CopyFigures>> {
  const aed = await loadTypedTable(url, typedAed, aedFiles.map((file) => file.path));
  const wide = await loadTypedTable(url, typedWide, wideFiles.map((file) => file.path));
  const records = aed.records + wide.records;
  const seconds = aed.seconds + wide.seconds;
  return { [SYNTHETIC_AED]: aed, [SYNTHETIC_WIDE]: wide, all: { records, seconds, recordsPerSecond: records / seconds } };
}

/**
 * Fills an empty store: the plan, the synthetic datasets (CSV files generated from the seed,
 * then ingested with ingestFile like any published file), and the real files of
 * shared/fixtures. On PostgreSQL the same CSV files also go through `psql \copy`.
 */
export async function fillStore(
  store: Store,
  database: BenchDatabase,
  scale: Scale,
  seed: number,
  folder: string,
  log: (line: string) => void,
  /** Wraps the synthetic ingest (a CPU profile of it, with --profile). */
  around: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): Promise<FillReport> {
  await loadCatalogue(store.prisma);
  for (const registration of [...syntheticDatasets, ...offPlanDatasets]) await registerDataset(store.prisma, registration);

  const generationStarted = performance.now();
  const random = new SeededRandom(seed);
  const snapshots = Math.max(1, Math.floor((scale.records * 2) / 3 / aedHospitals.length));
  const aedFiles = writeAedFiles(folder, snapshots, random);
  const aedRecords = snapshots * aedHospitals.length;
  const wideFiles = writeWideFiles(folder, scale.records - aedRecords, random);
  const generation = {
    files: aedFiles.length + wideFiles.length,
    records: scale.records,
    seconds: (performance.now() - generationStarted) / 1000,
  };
  log(`generated ${generation.records} synthetic records in ${generation.files} CSV files (seed ${seed}) in ${generation.seconds.toFixed(1)} s`);

  const { aed, wide } = await around(async () => ({
    aed: await ingestAll(store, SYNTHETIC_AED, aedFiles, log),
    wide: await ingestAll(store, SYNTHETIC_WIDE, wideFiles, log),
  }));
  const ingest = {
    [SYNTHETIC_AED]: aed,
    [SYNTHETIC_WIDE]: wide,
    all: figures(aed.records + wide.records, aed.seconds + wide.seconds),
  };
  log(`ingest: ${ingest.all.records} records at ${Math.round(ingest.all.recordsPerSecond)} records/s`);

  let copy: Record<string, CopyFigures> | undefined;
  let typedCopy: Record<string, CopyFigures> | undefined;
  if (database.kind === "postgres") {
    const aedCopy = await copyWithPsql(database.url, "bench_copy_aed", aedFiles.map((file) => file.path));
    const wideCopy = await copyWithPsql(database.url, "bench_copy_wide", wideFiles.map((file) => file.path));
    const records = aedCopy.records + wideCopy.records;
    const seconds = aedCopy.seconds + wideCopy.seconds;
    copy = { [SYNTHETIC_AED]: aedCopy, [SYNTHETIC_WIDE]: wideCopy, all: { records, seconds, recordsPerSecond: records / seconds } };
    log(`psql \\copy: ${records} records at ${Math.round(copy.all?.recordsPerSecond ?? 0)} records/s`);
    typedCopy = await loadTypedTables(database.url, aedFiles, wideFiles);
    log(`psql \\copy into the typed tables: ${typedCopy.all?.records} records at ${Math.round(typedCopy.all?.recordsPerSecond ?? 0)} records/s`);
  }

  const fixtures = fixturesDir();
  const real: RealFileIngest[] = [];
  for (const file of fixtures ? realFiles : []) {
    const path = join(fixtures ?? "", file.path);
    const started = performance.now();
    try {
      const result = await ingestFile(store, { datasetId: file.datasetId, location: path });
      const measured = figures(result.records, (performance.now() - started) / 1000);
      const copied =
        database.kind === "postgres" && path.endsWith(".csv") ? await copyWithPsql(database.url, "bench_copy_real", [path]) : undefined;
      real.push({ path: file.path, datasetId: file.datasetId, ...measured, ...(copied && { copy: copied }) });
    } catch (error) {
      real.push({ path: file.path, datasetId: file.datasetId, error: (error as Error).message.split("\n")[0] ?? "failed" });
    }
  }
  if (real.length > 0) log(`real files: ${real.filter((file) => !file.error).length} of ${real.length} ingested`);

  // Fresh statistics, as autovacuum would gather after a load this size: every configuration plans on the same ones.
  await store.prisma.$executeRawUnsafe(`ANALYZE`);
  return {
    seed,
    generation,
    ingest,
    ...(copy && { copy }),
    ...(typedCopy && { typedCopy }),
    realFiles: real,
    ...(!fixtures && { realFilesNote: "shared/fixtures not found: real files not ingested" }),
  };
}
