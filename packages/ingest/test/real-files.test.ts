import { readFileSync } from "node:fs";
import { join } from "node:path";
import { offPlanDatasets } from "@hkhealth/plan";
import { registerDataset, type Store } from "@hkhealth/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile, type IngestResult } from "../src/index.js";
import { documentedFiles, sharedFixtures, sharedFixturesDir } from "./support/shared-fixtures.js";
import { openTestStore } from "./support/store.js";

/*
 * Every real published file listed in shared/fixtures/SOURCES.md goes through the whole ingest,
 * into the dataset it belongs to. The expected numbers are computed here, from the raw bytes, with
 * none of the ingest's code; the actual ones are read back from the database with SQL.
 */

/** The dataset each published file belongs to, by its path under fixtures/. */
const datasetsByFile: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ha-aed-waiting-time\//, "ha-aed-waiting-time"],
  [/^ha-facility-directory\/facility-[a-z]+\.json$/, "ha-facility-directory"],
  [/^hb-covid19-vaccination-by-age\//, "hb-covid19-vaccination-by-age"],
  [/^dh-chp-covid19\/latest_situation_of_reported_cases_/, "dh-chp-covid19-situation"],
  [/^dh-chp-covid19\/enhanced_sur_/, "dh-chp-covid19-cases"],
  [/^dh-chp-covid19\/building_list_/, "dh-chp-covid19-buildings"],
];

function datasetOf(file: string): string {
  const match = datasetsByFile.find(([pattern]) => pattern.test(file));
  if (!match) throw new Error(`${file} is in SOURCES.md but no dataset is known for it: add it to datasetsByFile`);
  return match[1];
}

/** A file's rows as cells, for files whose cells hold no commas (true of every column used below). */
function rowsOf(file: string): string[][] {
  const text = readFileSync(join(sharedFixturesDir, file), "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => line.split(",").map((cell) => cell.replace(/^"(.*)"$/, "$1")));
}

/** Rows of a CSV as objects keyed by its header. */
function recordsOf(file: string): Array<Record<string, string>> {
  const [header = [], ...rows] = rowsOf(file);
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""])));
}

describe.skipIf(!sharedFixtures.present)(sharedFixtures.title("real published files, each ingested into its dataset"), () => {
  const documented = sharedFixtures.present ? documentedFiles() : [];
  const ingested = new Map<string, IngestResult>();
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore();
    for (const dataset of offPlanDatasets) await registerDataset(store.prisma, dataset);
  });
  afterAll(() => store?.close());

  const query = <T>(sql: string, ...values: unknown[]) => store.prisma.$queryRawUnsafe<T[]>(sql, ...values);
  const ingestionOf = (file: string) => {
    const result = ingested.get(file);
    if (!result?.ingestionId) throw new Error(`${file} was not ingested`);
    return result.ingestionId;
  };

  it.each(documented)("$file: all $records records", async ({ file, records }) => {
    const result = await ingestFile(store, { datasetId: datasetOf(file), location: join(sharedFixturesDir, file) });
    expect(result).toMatchObject({ status: "ingested", records });
    ingested.set(file, result);
    const [stored] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM "Record" WHERE "ingestionId" = $1`, result.ingestionId);
    expect(stored?.count).toBe(records);
  });

  it("A&E: the snapshot in force at 2019-05-01 12:00 is the 18 hospitals of history-2019.csv at that time", async () => {
    const history = recordsOf("ha-aed-waiting-time/history-2019.csv");
    const latestTime = history.map((row) => row["updateTime"] ?? "").filter((time) => time <= "2019-05-01 12:00:00").sort().at(-1);
    const expected = Object.fromEntries(history.filter((row) => row["updateTime"] === latestTime).map((row) => [row["hospName"], Number(row["topWait"])]));
    expect(Object.keys(expected)).toHaveLength(18);

    const rows = await query<{ hospital: string; topWait: number; observedAt: Date }>(
      `SELECT fields->>'hospName' AS hospital, (fields->>'topWait')::float8 AS "topWait", "observedAt" FROM "Record"
       WHERE "datasetId" = $1 AND "observedAt" = (SELECT max("observedAt") FROM "Record" WHERE "datasetId" = $1 AND "observedAt" <= $2::timestamptz)`,
      "ha-aed-waiting-time",
      "2019-05-01T12:00:00+08:00",
    );
    expect(Object.fromEntries(rows.map((row) => [row.hospital, row.topWait]))).toEqual(expected);
    expect(rows.every((row) => row.observedAt.getTime() === Date.parse(`${latestTime!.replace(" ", "T")}+08:00`))).toBe(true);
  });

  it("A&E: the v2 feed is observed at its updateTime, 20/1/2026 4:30AM in Hong Kong", async () => {
    expect(ingested.get("ha-aed-waiting-time/aedwtdata2-en.json")?.observedAt).toEqual(new Date("2026-01-20T04:30:00+08:00"));
    const [latest] = await query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Record" WHERE "datasetId" = $1 AND "observedAt" = (SELECT max("observedAt") FROM "Record" WHERE "datasetId" = $1)`,
      "ha-aed-waiting-time",
    );
    expect(latest?.count).toBe(18);
  });

  it("vaccinations: the BioNTech and Sinovac first doses add up to the file's", async () => {
    const rows = recordsOf("hb-covid19-vaccination-by-age/vaccination-rates-over-time-by-age.csv");
    const total = (column: string) => rows.reduce((sum, row) => sum + Number(row[column]), 0);
    const [sums] = await query<{ biontech: number; sinovac: number }>(
      `SELECT sum((fields->>'BioNTech 1st dose')::numeric)::float8 AS biontech, sum((fields->>'Sinovac 1st dose')::numeric)::float8 AS sinovac
       FROM "Record" WHERE "ingestionId" = $1`,
      ingestionOf("hb-covid19-vaccination-by-age/vaccination-rates-over-time-by-age.csv"),
    );
    expect(sums).toEqual({ biontech: total("BioNTech 1st dose"), sinovac: total("Sinovac 1st dose") });
  });

  it("COVID-19 situation: the last row's deaths, observed on its own date", async () => {
    const file = "dh-chp-covid19/latest_situation_of_reported_cases_covid_19_eng.csv";
    const last = recordsOf(file).at(-1)!;
    const [day, month, year] = (last["As of date"] ?? "").split("/");
    const [row] = await query<{ deaths: number; observedAt: Date }>(
      `SELECT (fields->>'Number of death cases')::int AS deaths, "observedAt" FROM "Record" WHERE "ingestionId" = $1 ORDER BY ordinal DESC LIMIT 1`,
      ingestionOf(file),
    );
    expect(row).toEqual({ deaths: Number(last["Number of death cases"]), observedAt: new Date(`${year}-${month}-${day}T00:00:00+08:00`) });
    expect(ingested.get(file)?.observedAt).toEqual(row?.observedAt);
  });

  it("COVID-19 cases: as many deceased, and the last case number", async () => {
    const file = "dh-chp-covid19/enhanced_sur_covid_19_eng.csv";
    const cases = recordsOf(file);
    const [row] = await query<{ deceased: number; lastCase: number }>(
      `SELECT count(*) FILTER (WHERE fields @> '{"Hospitalised/Discharged/Deceased": "Deceased"}')::int AS deceased,
              max((fields->>'Case no.')::int) AS "lastCase"
       FROM "Record" WHERE "ingestionId" = $1`,
      ingestionOf(file),
    );
    expect(row).toEqual({
      deceased: cases.filter((record) => record["Hospitalised/Discharged/Deceased"] === "Deceased").length,
      lastCase: Math.max(...cases.map((record) => Number(record["Case no."]))),
    });
  });

  it("buildings with cases: as many in each district", async () => {
    const file = "dh-chp-covid19/building_list_eng.csv";
    const [, ...rows] = rowsOf(file);
    const [row] = await query<{ eastern: number }>(
      `SELECT count(*)::int AS eastern FROM "Record" WHERE "ingestionId" = $1 AND fields->>'District' = 'Eastern'`,
      ingestionOf(file),
    );
    expect(row?.eastern).toBe(rows.filter((cells) => cells[0] === "Eastern").length);
  });

  it("facilities: one snapshot per file, and the hospitals with A&E", async () => {
    const hospitals = JSON.parse(readFileSync(join(sharedFixturesDir, "ha-facility-directory/facility-hosp.json"), "utf8")) as Array<Record<string, unknown>>;
    const resources = await query<{ resource: string; count: number; withAE: number }>(
      `SELECT resource, count(*)::int AS count, count(*) FILTER (WHERE fields->>'with_AE_service_eng' = 'Yes')::int AS "withAE"
       FROM "Record" WHERE "datasetId" = 'ha-facility-directory' GROUP BY resource ORDER BY resource`,
    );
    expect(resources).toEqual([
      { resource: "facility-gop", count: 74, withAE: 0 },
      { resource: "facility-hosp", count: hospitals.length, withAE: hospitals.filter((hospital) => hospital["with_AE_service_eng"] === "Yes").length },
      { resource: "facility-sop", count: 49, withAE: 0 },
    ]);
  });
});
