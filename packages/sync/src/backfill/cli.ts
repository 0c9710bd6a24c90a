/**
 * pnpm backfill <datasetId> --from YYYY-MM-DD --to YYYY-MM-DD [--resource r | --url u]
 * Exit status: 0 every version done, 1 a version failed or the run could not start (one line
 * saying why), 2 bad arguments, 130 stopped by Ctrl-C (what was done stays; run again to resume).
 */
import { readBackfillEnvironment } from "@hkhealth/config";
import { IngestError } from "@hkhealth/ingest";
import { INTERRUPTED_STATUS, runCommandLine } from "@hkhealth/ingest/cli";
import { loadCatalogue } from "@hkhealth/store";
import { ArchiveError } from "./archive-client.js";
import { parseBackfillCommand, backfillUsage, BackfillUsageError } from "./arguments.js";
import { backfill } from "./backfill.js";
import { BackfillError, chooseDistributions } from "./distributions.js";
import { backfillReporter, backfillSummaryLine } from "./progress.js";
import { RequestRate } from "./request-rate.js";

// Ctrl-C stops the run between versions, or rolls back the one being written.
await runCommandLine({
  readEnvironment: () => readBackfillEnvironment(),
  usage: backfillUsage,
  parse: (args) => {
    const command = parseBackfillCommand(args);
    return command.kind === "help" ? "help" : command;
  },
  isUsageError: (error) => error instanceof BackfillUsageError,
  isExpected: (error) => error instanceof BackfillError || error instanceof ArchiveError || error instanceof IngestError,
  async run(command, { environment, signal, openStore }) {
    chooseDistributions(command.datasetId, command); // an unknown id or file is refused before the database opens
    const store = await openStore();
    await loadCatalogue(store.prisma); // writes nothing once loaded
    const reporter = backfillReporter(process.stderr);
    try {
      const summary = await backfill(store, {
        datasetId: command.datasetId,
        range: command.range,
        resources: command.resources,
        urls: command.urls,
        mirror: environment.SOURCES_MIRROR,
        rate: new RequestRate(environment.BACKFILL_RATE),
        signal,
        onEvent: reporter.onEvent,
      });
      reporter.finish();
      process.stdout.write(`${backfillSummaryLine(summary)}\n`);
      if (summary.stopped) return INTERRUPTED_STATUS;
      return summary.failed > 0 ? 1 : 0;
    } finally {
      reporter.finish();
    }
  },
});
