const WIDTH = 24;

/** "[#########---------------] 12/40 distributions": a bar's text, for a terminal's last line. */
export function barText(done: number, total: number, label: string, width = WIDTH): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${label}`;
}

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
    bar.write(`\r${barText(done, total, `${done}/${total} distributions`)}\x1b[K`);
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
