import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The real published files in shared/fixtures, beside the repository (CI lays it there too).
const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
export const sharedFixturesDir = join(process.env["SHARED_DIR"] ?? resolve(repoRoot, "../shared"), "fixtures");
export const sharedFixturesPresent = existsSync(join(sharedFixturesDir, "SOURCES.md"));

export interface DocumentedFile {
  /** "ha-aed-waiting-time/history-2019.csv" */
  readonly file: string;
  readonly records: number;
}

/** The files and record counts of SOURCES.md's table: "| dir/file (3,746 B) | ... | 18 hospitals | ... |". */
export function documentedFiles(): DocumentedFile[] {
  const sources = readFileSync(join(sharedFixturesDir, "SOURCES.md"), "utf8");
  return sources.split("\n").flatMap((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    const file = /^([\w.-]+\/[\w.-]+) \(/.exec(cells[1] ?? "")?.[1];
    const records = /^[\d,]+/.exec(cells[5] ?? "")?.[0];
    return file === undefined || records === undefined ? [] : [{ file, records: Number(records.replaceAll(",", "")) }];
  });
}
