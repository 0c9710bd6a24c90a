import { join } from "node:path";
import type { SeededRandom } from "../random.js";
import { hongKongDate, hongKongDayFirst, writeCsv, type CsvValue } from "./csv.js";

/** The 18 A&E hospitals and their clusters; only the names are real, every figure is made up. */
export const aedHospitals: ReadonlyArray<readonly [name: string, cluster: string]> = [
  ["Pamela Youde Nethersole Eastern Hospital", "Hong Kong East"],
  ["Ruttonjee Hospital", "Hong Kong East"],
  ["St John Hospital", "Hong Kong East"],
  ["Queen Mary Hospital", "Hong Kong West"],
  ["Queen Elizabeth Hospital", "Kowloon Central"],
  ["Kwong Wah Hospital", "Kowloon Central"],
  ["United Christian Hospital", "Kowloon East"],
  ["Tseung Kwan O Hospital", "Kowloon East"],
  ["Caritas Medical Centre", "Kowloon West"],
  ["Princess Margaret Hospital", "Kowloon West"],
  ["North Lantau Hospital", "Kowloon West"],
  ["Yan Chai Hospital", "Kowloon West"],
  ["Prince of Wales Hospital", "New Territories East"],
  ["North District Hospital", "New Territories East"],
  ["Alice Ho Miu Ling Nethersole Hospital", "New Territories East"],
  ["Tuen Mun Hospital", "New Territories West"],
  ["Pok Oi Hospital", "New Territories West"],
  ["Tin Shui Wai Hospital", "New Territories West"],
];

export const aedHeader = [
  "hospName",
  "cluster",
  "t1wt",
  "manageT1case",
  "t2wt",
  "manageT2case",
  "t3p50",
  "t3p95",
  "t45p50",
  "t45p95",
  "updateTime",
] as const;

const STEP_MS = 15 * 60_000;

/** The last snapshot of every run: fixed, so a seed always gives the same rows. */
export const AED_LAST_SNAPSHOT = new Date("2025-12-31T23:45:00+08:00");

export interface GeneratedFile {
  readonly path: string;
  readonly records: number;
  /** What is in it, for the log: "2025-01" or rows 1-100000. */
  readonly label: string;
}

function minutes(value: number): number {
  return Math.max(5, Math.round(value / 5) * 5);
}

/**
 * 15-minute snapshots of 18 hospitals ending at AED_LAST_SNAPSHOT, one CSV per Hong Kong month
 * (as an archive of the feed would be kept). Waiting times are minutes (the real feed writes
 * text such as "2 hours"), with a daily cycle around each hospital's own level.
 */
export function writeAedFiles(folder: string, snapshots: number, random: SeededRandom): GeneratedFile[] {
  const levels = aedHospitals.map(() => random.int(30, 150));
  const first = AED_LAST_SNAPSHOT.getTime() - (snapshots - 1) * STEP_MS;
  const months = new Map<string, CsvValue[][]>();
  for (let index = 0; index < snapshots; index++) {
    const instant = new Date(first + index * STEP_MS);
    const hourOfDay = (instant.getUTCHours() + 8) % 24;
    const cycle = 1 + 0.5 * Math.sin((2 * Math.PI * (hourOfDay - 14)) / 24);
    const updateTime = hongKongDayFirst(instant);
    const month = hongKongDate(instant).slice(0, 7);
    const rows = months.get(month) ?? [];
    months.set(month, rows);
    aedHospitals.forEach(([name, cluster], hospital) => {
      const median = minutes(random.normal((levels[hospital] ?? 60) * cycle, 30));
      const slow = minutes(median * random.normal(2, 0.4));
      rows.push([
        name,
        cluster,
        "0 minute",
        random.chance(0.9) ? "Y" : "N",
        "less than 15 minutes",
        random.chance(0.8) ? "Y" : "N",
        median,
        minutes(median * random.normal(2.2, 0.5)),
        slow,
        minutes(slow * random.normal(1.8, 0.3)),
        updateTime,
      ]);
    });
  }
  return [...months].map(([month, rows]) => {
    const path = join(folder, `bench-synthetic-aed-${month}.csv`);
    writeCsv(path, aedHeader, rows);
    return { path, records: rows.length, label: month };
  });
}
