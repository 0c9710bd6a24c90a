/**
 * pnpm sync [datasetId...]: checks every distribution once (see run/sync-once.ts) and exits.
 * Exit status: 0 done, 1 a distribution failed (or no database), 2 bad arguments,
 * 130 interrupted by Ctrl-C (the checks running rolled back).
 */
import { readEnvironment, storeOptions } from "@hkhealth/config";
import { createStore, isStoreOpeningError, loadCatalogue, type Store } from "@hkhealth/store";
import { syncOnce } from "../run/sync-once.js";
import { processOwner } from "../schedule/owner.js";
import { parseDatasetIds, usage, UsageError } from "./arguments.js";
import { outcomeLine } from "./outcome-line.js";
import { progressBar, type ProgressBar } from "./progress-bar.js";

// Not "once": tsx passes the signal on again, and a second one must not kill node mid-rollback.
const interruption = new AbortController();
process.on("SIGINT", () => interruption.abort());

const INTERRUPTED_STATUS = 130;

async function main(args: readonly string[]): Promise<number> {
  let datasetIds;
  try {
    datasetIds = parseDatasetIds(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${usage}\n`);
    return 2;
  }
  if (datasetIds === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  let store: Store | undefined;
  let progress: ProgressBar | undefined;
  try {
    const environment = readEnvironment();
    store = await createStore(storeOptions(environment));
    await loadCatalogue(store.prisma); // writes nothing once loaded
    let failed = 0;
    const outcomes = await syncOnce(store, {
      owner: processOwner(),
      mirror: environment.SOURCES_MIRROR,
      fetchTimeoutMs: environment.SYNC_TIMEOUT_MS,
      concurrency: environment.SYNC_CONCURRENCY,
      datasetIds,
      signal: interruption.signal,
      onStart: (targets) => {
        progress = progressBar(targets.length, process.stdout, process.stderr);
        const empty = (datasetIds ?? []).filter((id) => !targets.some((target) => target.datasetId === id));
        for (const id of empty) progress.line(`${id}: no official file is known for it; nothing to fetch`);
      },
      onOutcome: (outcome) => {
        if (outcome.status === "failed") failed++;
        progress?.line(outcomeLine(outcome));
        progress?.advance();
      },
    });
    progress?.finish();
    if (interruption.signal.aborted) {
      process.stderr.write(`interrupted: ${outcomes.length} distribution(s) done; the checks running were rolled back\n`);
      return INTERRUPTED_STATUS;
    }
    return failed > 0 ? 1 : 0;
  } catch (error) {
    progress?.finish();
    const known = isStoreOpeningError(error) || (error instanceof Error && error.message.startsWith("Invalid environment"));
    if (!known) throw error;
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

const status = await main(process.argv.slice(2));
// Exit rather than wait: Prisma's WebAssembly schema engine leaves a timer that holds the process.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write("", flushed))));
process.exit(status);
