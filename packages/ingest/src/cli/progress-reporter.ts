import type { IngestProgress } from "../request.js";

export interface ProgressReporter {
  readonly onProgress?: ((progress: IngestProgress) => void) | undefined;
  /** Clears the progress line before the summary is printed. */
  finish(): void;
}

const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * "12,345 records, 8,000 records/s", rewritten in place on a terminal. Nothing at all when the
 * stream is not a terminal: logs and pipes get the summary line only.
 */
export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) return { finish: () => {} };
  let shown = false;
  return {
    onProgress: ({ records, elapsedMs }) => {
      const rate = elapsedMs > 0 ? (records * 1000) / elapsedMs : records;
      stream.write(`\r${count.format(records)} records, ${count.format(rate)} records/s\x1b[K`);
      shown = true;
    },
    finish: () => {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}
