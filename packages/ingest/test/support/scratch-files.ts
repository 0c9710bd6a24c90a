import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary folder of a test file's own CSV files, removed with `remove`. */
export function scratchFiles(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `hkhealth-${prefix}-`));
  return {
    dir,
    /** Writes `name` with the header line and the lines given; returns its path. */
    csv: (name: string, header: string, lines: readonly string[]): string => {
      const path = join(dir, name);
      writeFileSync(path, [header, ...lines].join("\n"));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
