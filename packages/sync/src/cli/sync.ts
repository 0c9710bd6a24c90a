/**
 * pnpm sync [datasetId...]: checks every distribution once (see run/sync-once.ts) and exits.
 * Exit status: 0 done, 1 a distribution failed (or no database), 2 bad arguments,
 * 130 interrupted by Ctrl-C (the checks running rolled back).
 */
import { readSyncEnvironment } from "@hkhealth/config";
import { INTERRUPTED_STATUS, runCommandLine } from "@hkhealth/ingest/cli";
import { loadCatalogue } from "@hkhealth/store";
import { syncOnce } from "../run/sync-once.js";
import { processOwner } from "../schedule/owner.js";
import { parseDatasetIds, usage, UsageError } from "./arguments.js";
import { outcomeLine } from "./outcome-line.js";
import { progressBar, type ProgressBar } from "./progress-bar.js";

await runCommandLine({
  readEnvironment: () => readSyncEnvironment(),
  usage,
  // No dataset named: every one (undefined).
  parse: (args) => parseDatasetIds(args) ?? [],
  isUsageError: (error) => error instanceof UsageError,
  isExpected: () => false,
  async run(named, { environment, signal, openStore }) {
    const datasetIds = named.length === 0 ? undefined : named;
    const store = await openStore();
    await loadCatalogue(store.prisma); // writes nothing once loaded
    let progress: ProgressBar | undefined;
    let failed = 0;
    try {
      const outcomes = await syncOnce(store, {
        owner: processOwner(),
        mirror: environment.SOURCES_MIRROR,
        fetchTimeoutMs: environment.SYNC_TIMEOUT_MS,
        concurrency: environment.SYNC_CONCURRENCY,
        datasetIds,
        signal,
        onStart: (targets) => {
          progress = progressBar(targets.length, process.stdout, process.stderr);
          const empty = named.filter((id) => !targets.some((target) => target.datasetId === id));
          for (const id of empty) progress.line(`${id}: no official file is known for it; nothing to fetch`);
        },
        onOutcome: (outcome) => {
          if (outcome.status === "failed") failed++;
          progress?.line(outcomeLine(outcome));
          progress?.advance();
        },
      });
      if (signal.aborted) {
        progress?.finish();
        process.stderr.write(`interrupted: ${outcomes.length} distribution(s) done; the checks running were rolled back\n`);
        return INTERRUPTED_STATUS;
      }
      return failed > 0 ? 1 : 0;
    } finally {
      progress?.finish();
    }
  },
});
