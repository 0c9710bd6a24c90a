/**
 * pnpm backfill <datasetId> --from YYYY-MM-DD --to YYYY-MM-DD [--resource r | --url u]
 * Exit status: 0 every version done, 1 a version failed or the run could not start (one line
 * saying why), 2 bad arguments, 130 stopped by Ctrl-C (what was done stays; run again to resume).
 */
import { readEnvironment, storeOptions } from "@hkhealth/config";
import { IngestError } from "@hkhealth/ingest";
import { createStore, isStoreOpeningError, loadCatalogue, type Store } from "@hkhealth/store";
import { ArchiveError } from "./archive-client.js";
import { parseBackfillCommand, backfillUsage, BackfillUsageError, type BackfillCommand } from "./arguments.js";
import { backfill } from "./backfill.js";
import { BackfillError, chooseDistributions } from "./distributions.js";
import { backfillReporter, backfillSummaryLine } from "./progress.js";
import { RequestRate } from "./request-rate.js";

// Ctrl-C stops the run between versions, or rolls back the one being written. Not "once": tsx
// passes the signal on again when node does not tell it in time.
const interruption = new AbortController();
process.on("SIGINT", () => interruption.abort());

/** Exit status of a command stopped by Ctrl-C, as a shell reports it (128 + SIGINT). */
const INTERRUPTED_STATUS = 130;

function isExpected(error: unknown): error is Error {
  return error instanceof BackfillError || error instanceof ArchiveError || error instanceof IngestError || isStoreOpeningError(error);
}

async function main(args: readonly string[]): Promise<number> {
  let command: BackfillCommand;
  try {
    command = parseBackfillCommand(args);
  } catch (error) {
    if (!(error instanceof BackfillUsageError)) throw error;
    process.stderr.write(`${error.message}\n${backfillUsage}\n`);
    return 2;
  }
  if (command.kind === "help") {
    process.stdout.write(`${backfillUsage}\n`);
    return 0;
  }
  let environment;
  try {
    environment = readEnvironment();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  let store: Store | undefined;
  const reporter = backfillReporter(process.stderr);
  try {
    chooseDistributions(command.datasetId, command); // an unknown id or file is refused before the database opens
    store = await createStore(storeOptions(environment));
    await loadCatalogue(store.prisma); // writes nothing once loaded
    const summary = await backfill(store, {
      datasetId: command.datasetId,
      range: command.range,
      resources: command.resources,
      urls: command.urls,
      mirror: environment.SOURCES_MIRROR,
      rate: new RequestRate(environment.BACKFILL_RATE),
      signal: interruption.signal,
      onEvent: reporter.onEvent,
    });
    reporter.finish();
    process.stdout.write(`${backfillSummaryLine(summary)}\n`);
    if (summary.stopped) return INTERRUPTED_STATUS;
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    reporter.finish();
    if (!isExpected(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

const status = await main(process.argv.slice(2));
// Exit rather than wait for the event loop to drain: Prisma's WebAssembly schema engine leaves a timer behind.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write("", flushed))));
process.exit(status);
