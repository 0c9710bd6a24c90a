import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedFiles } from "@hkhealth/config/testing";

/** The real published files in shared/fixtures, listed in its SOURCES.md (required on CI). */
export const sharedFixtures = sharedFiles("fixtures/SOURCES.md");
export const sharedFixturesDir = sharedFixtures.path("fixtures");

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
