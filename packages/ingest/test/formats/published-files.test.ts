import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, parsers } from "../../src/formats/index.js";

// The real published files in shared/fixtures, beside the repository (CI lays it there too).
const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const fixturesDir = join(process.env["SHARED_DIR"] ?? resolve(repoRoot, "../shared"), "fixtures");
const present = existsSync(join(fixturesDir, "SOURCES.md"));

interface DocumentedFile {
  readonly file: string;
  readonly records: number;
}

/** The files and record counts of SOURCES.md's table: "| dir/file (3,746 B) | ... | 18 hospitals | ... |". */
function documentedFiles(): DocumentedFile[] {
  const sources = readFileSync(join(fixturesDir, "SOURCES.md"), "utf8");
  return sources.split("\n").flatMap((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    const file = /^([\w.-]+\/[\w.-]+) \(/.exec(cells[1] ?? "")?.[1];
    const records = /^[\d,]+/.exec(cells[5] ?? "")?.[0];
    return file === undefined || records === undefined ? [] : [{ file, records: Number(records.replaceAll(",", "")) }];
  });
}

describe.runIf(!present && Boolean(process.env["CI"]))("published files in shared/fixtures", () => {
  it("are there in CI", () => {
    expect.fail(`no ${fixturesDir}/SOURCES.md; set SHARED_DIR to the folder that holds fixtures/`);
  });
});

describe.skipIf(!present)("published files in shared/fixtures", () => {
  const documented = present ? documentedFiles() : [];

  it("are all documented in SOURCES.md", () => {
    const files = readdirSync(fixturesDir, { recursive: true, encoding: "utf8" }).filter((file) => detectFormat(file) !== undefined);
    expect(documented.map(({ file }) => file).sort()).toEqual(files.map((file) => file.replaceAll("\\", "/")).sort());
  });

  it.each(documented)("$file has $records records", async ({ file, records }) => {
    const format = detectFormat(file);
    if (format === undefined) throw new Error(`no format for ${file}`);
    const path = join(fixturesDir, file);
    const parsed = await parsers[format]({ source: path, open: () => createReadStream(path) });
    let count = 0;
    for await (const row of parsed.rows) {
      count += 1;
      expect(row.ordinal).toBe(count);
    }
    expect(count).toBe(records);
  });

  it("gives A&E's update time as metadata and the CSV header's line numbers", async () => {
    const aed = join(fixturesDir, "ha-aed-waiting-time/aedwtdata2-en.json");
    expect((await parsers.JSON({ source: aed, open: () => createReadStream(aed) })).metadata).toEqual({ updateTime: "20/1/2026 4:30AM" });
    const vaccination = join(fixturesDir, "hb-covid19-vaccination-by-age/vaccination-rates-over-time-by-age.csv");
    const rows = (await parsers.CSV({ source: vaccination, open: () => createReadStream(vaccination) })).rows;
    for await (const row of rows) {
      expect(row).toMatchObject({ location: "line 2", fields: { Date: "2021-02-22", "Age Group": "30-39", Sex: "M" } });
      expect(Object.keys(row.fields)).toHaveLength(15);
      break;
    }
  });
});
