import { AsyncLocalStorage } from "node:async_hooks";
import { datasetDefinitions } from "@hkhealth/plan";
import { TYPED_RECORDS_SCHEMA } from "./records/typed-table.js";

/**
 * Which datasets a piece of work read, learnt from the SQL it sent, so that a cached answer can
 * be dropped exactly when one of them changes. A statement names the datasets it reads by the
 * dataset ids among its parameters and by the typed tables it reads (records/typed-table.ts); one
 * that names none reads across datasets:
 * - CATALOGUE_READ when it touches only the catalogue's tables (agencies, datasets, releases),
 *   which change with the plan (and a release's publication, announced as a catalogue change);
 * - ALL_DATASETS_READ otherwise (records or files of every dataset): any dataset's change.
 * Unknown SQL counts as reading everything: an answer is dropped too often, never kept stale.
 */
export const CATALOGUE_READ = "catalogue";
export const ALL_DATASETS_READ = "*";

const catalogueTables = new Set(["Agency", "Dataset", "Release"]);
const quotedName = /"([A-Za-z_][A-Za-z0-9_]*)"/g;
/** A dataset's typed table names it (records/typed-table.ts): "dataset_records"."<id>". */
const typedTableName = new RegExp(`"${TYPED_RECORDS_SCHEMA}"\\."((?:[^"]|"")+)"`, "g");

const scope = new AsyncLocalStorage<Set<string>>();

/** Datasets known by id; a dataset registered at run time is not, so reads of it count as ALL_DATASETS_READ. */
const knownDatasetIds = new Set(datasetDefinitions.map((definition) => definition.id));

function datasetIdsIn(args: readonly unknown[], into: Set<string>): void {
  for (const arg of args) {
    if (typeof arg === "string" && knownDatasetIds.has(arg)) into.add(arg);
    else if (Array.isArray(arg)) datasetIdsIn(arg, into);
  }
}

/** What one statement reads, by the rules above. */
export function statementReads(sql: string, args: readonly unknown[]): Set<string> {
  const reads = new Set<string>();
  datasetIdsIn(args, reads);
  for (const match of sql.matchAll(typedTableName)) reads.add(match[1]!.replaceAll('""', '"'));
  if (reads.size > 0) return reads;
  const tables = [...sql.matchAll(quotedName)].map((match) => match[1] as string).filter((name) => /^[A-Z]/.test(name));
  reads.add(tables.length > 0 && tables.every((table) => catalogueTables.has(table)) ? CATALOGUE_READ : ALL_DATASETS_READ);
  return reads;
}

/** Called by the store for every statement it sends: adds what it reads to the enclosing recording, if any. */
export function noteStatement(sql: string, args: readonly unknown[] | undefined): void {
  const reads = scope.getStore();
  if (!reads) return;
  for (const read of statementReads(sql, args ?? [])) reads.add(read);
}

/**
 * Runs `work` and returns, with its result, what every statement sent on its behalf read (the
 * statements of DataLoader batches it started included: they run in its async context).
 */
export async function recordDatasetReads<T>(work: () => Promise<T>): Promise<{ result: T; reads: Set<string> }> {
  const reads = new Set<string>();
  const result = await scope.run(reads, work);
  return { result, reads };
}

/** The recording the current async context is in (a subgraph service's request), if any: the set fills as statements run. */
export function datasetReadsOfCurrentWork(): Set<string> | undefined {
  return scope.getStore();
}

/** Runs `work` (synchronously started) inside a fresh recording and hands it the set. */
export function withDatasetReads<T>(work: (reads: Set<string>) => T): T {
  const reads = new Set<string>();
  return scope.run(reads, () => work(reads));
}
