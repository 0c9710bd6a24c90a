import { ANYTHING_CHANGED, CATALOGUE_CHANGED } from "@hkhealth/store";
import { ALL_DATASETS_READ } from "@hkhealth/store";

/** One cached answer: the exact bytes sent, their strong ETag, and what it read. */
export interface CachedAnswer {
  readonly body: Buffer;
  readonly etag: string;
  /** Dataset ids, CATALOGUE_READ or ALL_DATASETS_READ (see @hkhealth/store dataset-reads.ts). */
  readonly reads: readonly string[];
  /** The versions of what it read when it was computed (version-stamp.ts): served only while they are current. */
  readonly stamp: string;
}

/** Where answers are kept: this process's memory or Redis. */
export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void>;
  /** Drops the answers a committed change makes stale; resolves to how many were dropped. */
  invalidate(change: string): Promise<number>;
  /** Bytes of answers held (undefined where the store cannot say cheaply). */
  bytesHeld(): number | undefined;
  close(): Promise<void>;
}

/** Whether a change drops everything: the catalogue changed, or changes may have been missed. */
export function changesEverything(change: string): boolean {
  return change === CATALOGUE_CHANGED || change === ANYTHING_CHANGED;
}

/** The read tags whose answers a change to one dataset makes stale: its own, and those that read every dataset. */
export function tagsStaleAfter(datasetId: string): readonly string[] {
  return [datasetId, ALL_DATASETS_READ];
}
