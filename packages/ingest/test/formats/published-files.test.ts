import { createReadStream, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, parsers } from "../../src/formats/index.js";
import { documentedFiles, sharedFixtures, sharedFixturesDir as fixturesDir } from "../support/shared-fixtures.js";

describe.skipIf(!sharedFixtures.present)(sharedFixtures.title("published files in shared/fixtures"), () => {
  const documented = sharedFixtures.present ? documentedFiles() : [];

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
