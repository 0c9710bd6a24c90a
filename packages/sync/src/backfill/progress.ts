import { barText } from "../cli/progress-bar.js";
import type { BackfillEvent, BackfillSummary } from "./backfill.js";

const count = new Intl.NumberFormat("en-US");
const BAR_WIDTH = 30;

export interface BackfillReporter {
  readonly onEvent: (event: BackfillEvent) => void;
  /** Clears the bar before the summary is printed. */
  finish(): void;
}

/**
 * On a terminal, a bar of versions done out of all listed, rewritten in place; elsewhere (logs,
 * pipes) one line per month of each file. A failed version gets a line of its own either way.
 */
export function backfillReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }): BackfillReporter {
  const terminal = stream.isTTY === true;
  let barShown = false;
  const clearBar = () => {
    if (barShown) stream.write("\r\x1b[K");
    barShown = false;
  };
  return {
    onEvent: (event) => {
      if (event.kind === "version" && event.outcome === "failed") {
        clearBar();
        stream.write(`failed: ${event.message}\n`);
      }
      if (terminal && event.kind === "version") {
        const label = `${count.format(event.done)}/${count.format(event.total)} versions (${event.distribution.resource} ${event.version.timestamp})`;
        stream.write(`\r${barText(event.done, event.total, label, BAR_WIDTH)}\x1b[K`);
        barShown = true;
      }
      if (!terminal && event.kind === "month") {
        const { ingested, skipped, failed } = event.counts;
        stream.write(`${event.distribution.resource} ${event.month}: ${count.format(event.versions)} versions, ${count.format(ingested)} ingested, ${count.format(skipped)} skipped, ${count.format(failed)} failed\n`);
      }
    },
    finish: clearBar,
  };
}

/** The one line a backfill ends with. */
export function backfillSummaryLine(summary: BackfillSummary): string {
  const { datasetId, range, total, ingested, skipped, failed } = summary;
  if (summary.stopped && total === 0) return `backfill of ${datasetId} ${range.start} to ${range.end}: stopped before the archive's versions were listed; nothing was ingested`;
  const line = `backfill of ${datasetId} ${range.start} to ${range.end}: ${count.format(total)} versions, ${count.format(ingested)} ingested, ${count.format(skipped)} skipped, ${count.format(failed)} failed`;
  return summary.stopped ? `${line}; stopped before the end: run the same command again to resume` : line;
}
