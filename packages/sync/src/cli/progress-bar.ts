const WIDTH = 24;

export interface ProgressBar {
  /** Writes a line above the bar (the bar is cleared, then drawn again). */
  line(text: string): void;
  /** One more distribution done. */
  advance(): void;
  /** Clears the bar. */
  finish(): void;
}

/**
 * "[#########---------------] 12/40 distributions" on the last line of a terminal, rewritten in
 * place as the ingest's progress is; on a pipe or a log, only the lines.
 */
export function progressBar(total: number, lines: NodeJS.WriteStream, bar: NodeJS.WriteStream): ProgressBar {
  let done = 0;
  const shown = bar.isTTY === true && total > 0;
  const draw = () => {
    if (!shown) return;
    const filled = Math.round((done / total) * WIDTH);
    bar.write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} distributions\x1b[K`);
  };
  const clear = () => {
    if (shown) bar.write("\r\x1b[K");
  };
  draw();
  return {
    line(text) {
      clear();
      lines.write(`${text}\n`);
      draw();
    },
    advance() {
      done++;
      draw();
    },
    finish: clear,
  };
}
