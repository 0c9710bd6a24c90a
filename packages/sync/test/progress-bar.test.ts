import { describe, expect, it } from "vitest";
import { progressBar } from "../src/cli/progress-bar.js";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
}

describe("pnpm sync's progress bar", () => {
  it("is drawn on a terminal, cleared before each line and drawn again after it", () => {
    const lines = stream(false);
    const bar = stream(true);
    const progress = progressBar(4, lines.stream, bar.stream);
    progress.line("ha-facility-directory facility-hosp: unchanged");
    progress.advance();
    progress.finish();
    expect(lines.written).toEqual(["ha-facility-directory facility-hosp: unchanged\n"]);
    expect(bar.written).toEqual([
      "\r[------------------------] 0/4 distributions\x1b[K",
      "\r\x1b[K",
      "\r[------------------------] 0/4 distributions\x1b[K",
      "\r[######------------------] 1/4 distributions\x1b[K",
      "\r\x1b[K",
    ]);
  });

  it("is not drawn off a terminal: the lines only", () => {
    const lines = stream(false);
    const bar = stream(false);
    const progress = progressBar(2, lines.stream, bar.stream);
    progress.line("a line");
    progress.advance();
    progress.finish();
    expect(lines.written).toEqual(["a line\n"]);
    expect(bar.written).toEqual([]);
  });
});
