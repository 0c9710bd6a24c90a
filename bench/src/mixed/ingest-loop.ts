import { join } from "node:path";
import { ingestFile } from "@hkhealth/ingest";
import type { Store } from "@hkhealth/store";
import { SeededRandom } from "../random.js";
import { SYNTHETIC_WIDE } from "../synthetic/datasets.js";
import { writeLaterWideFile } from "../synthetic/wide.js";

export interface IngestLoopFigures {
  readonly ingests: number;
  readonly records: number;
  /** Seconds from the start of each ingestFile to its commit. */
  readonly meanSeconds: number;
  readonly error?: string;
}

/**
 * Every `intervalSeconds`, a new file of the wide dataset through ingestFile (the one ingest
 * path, as the harness filled the store), told to the stale check as it starts and commits.
 */
export function startIngestLoop(options: {
  readonly store: Store;
  readonly folder: string;
  readonly intervalSeconds: number;
  readonly seed: number;
  readonly starting: () => void;
  readonly committed: () => void;
  readonly log: (line: string) => void;
}): { stop(): Promise<IngestLoopFigures> } {
  const random = new SeededRandom(options.seed);
  let stopped = false;
  let wake: (() => void) | undefined;
  let ingests = 0;
  let records = 0;
  let seconds = 0;
  let error: string | undefined;
  const loop = (async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, options.intervalSeconds * 1_000);
      });
      if (stopped) break;
      const file = writeLaterWideFile(join(options.folder, `bench-mixed-wide-${ingests + 1}.csv`), ingests + 1, random);
      options.starting();
      const started = performance.now();
      try {
        const result = await ingestFile(options.store, { datasetId: SYNTHETIC_WIDE, location: file.path });
        if (result.status !== "ingested") throw new Error(`${file.path}: ${result.status}, expected ingested`);
        seconds += (performance.now() - started) / 1_000;
        ingests++;
        records += result.records;
      } catch (failure) {
        error = (failure as Error).message;
        options.log(`mixed workload: the ingest failed: ${error}`);
        stopped = true;
      } finally {
        options.committed();
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      return { ingests, records, meanSeconds: ingests ? seconds / ingests : 0, ...(error !== undefined && { error }) };
    },
  };
}
