import { join } from "node:path";
import type { SeededRandom } from "../random.js";
import type { GeneratedFile } from "./aed.js";
import { hongKongDate, hongKongLocalTime, writeCsv, type CsvValue } from "./csv.js";

export const districts = [
  "Central and Western", "Wan Chai", "Eastern", "Southern", "Yau Tsim Mong", "Sham Shui Po",
  "Kowloon City", "Wong Tai Sin", "Kwun Tong", "Kwai Tsing", "Tsuen Wan", "Tuen Mun",
  "Yuen Long", "North", "Tai Po", "Sha Tin", "Sai Kung", "Islands",
] as const;

const clusters = ["Hong Kong East", "Hong Kong West", "Kowloon Central", "Kowloon East", "Kowloon West", "New Territories East", "New Territories West"];
const facilityTypes = ["Hospital", "Specialist Out-patient Clinic", "General Out-patient Clinic", "Day Hospital"];
const ageGroups = ["0-11", "12-17", "18-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80 and above"];
const diagnoses = ["J10.1", "J18.9", "I10", "E11.9", "K35.8", "S52.5", "R07.4", "N39.0", "A09", "M54.5"];
const outcomes = ["Discharged", "Admitted", "Transferred", "Left before seen", "Referred to clinic"];
const referrals = ["Self", "General practitioner", "Ambulance", "Clinic", "Elderly home"];
const remarks = ["", "", "", "Follow-up booked", "Interpreter needed, Cantonese/English", 'Patient said "no pain"'];

export const wideHeader = [
  "recordNo", "reportedOn", "admittedAt", "dischargedOn", "district", "cluster", "facilityType", "facilityName",
  "gender", "ageGroup", "age", "triageCategory", "waitMinutes", "lengthOfStayHours", "costHkd", "diagnosisCode",
  "outcome", "referralSource", "satisfactionScore", "remarks",
] as const;

/** The wide dataset covers three years up to the same end as the A&E snapshots. */
const LAST_DAY = new Date("2025-12-31T00:00:00+08:00");
const DAYS = 3 * 365;
export const ROWS_PER_WIDE_FILE = 100_000;

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** `value` where given, else `drawn`: the draw is made either way, so the next draws stay the same. */
const overriding = <T>(value: T | undefined, drawn: T): T => value ?? drawn;

/** One row of the wide table on `day` (random draws in a fixed order: the same seed, the same rows). */
function wideRow(recordNo: number, day: number, random: SeededRandom, later?: { readonly admitted: Date; readonly district: string; readonly waitMinutes: number }): CsvValue[] {
  const drawnAdmitted = new Date(day + random.int(0, 24 * 60 - 1) * 60_000);
  const admitted = later?.admitted ?? drawnAdmitted;
  const stayHours = round(Math.abs(random.normal(30, 60)), 1);
  const drawnDistrict = random.pick(districts);
  const district = later?.district ?? drawnDistrict;
  const triage = random.int(1, 5);
  return [
    recordNo,
    hongKongDate(new Date(day)),
    hongKongLocalTime(admitted),
    random.chance(0.85) ? hongKongDate(new Date(admitted.getTime() + stayHours * 3_600_000)) : null,
    district,
    random.pick(clusters),
    random.pick(facilityTypes),
    `${district} ${random.pick(facilityTypes)} ${random.int(1, 4)}`,
    random.chance(0.5) ? "F" : "M",
    random.pick(ageGroups),
    random.int(0, 99),
    triage,
    overriding(later?.waitMinutes, Math.max(0, Math.round(random.normal(20 * triage, 40)))),
    stayHours,
    round(Math.abs(random.normal(1200, 1600)), 2),
    random.pick(diagnoses),
    random.pick(outcomes),
    random.pick(referrals),
    round(Math.min(5, Math.max(1, random.normal(3.8, 1.2))), 1),
    random.pick(remarks) || null,
  ];
}

/**
 * A 20-column table (numbers, dates, date-times, text, some empty cells and quoting), in files
 * of at most 100,000 rows, days increasing through the files as monthly releases would.
 */
export function writeWideFiles(folder: string, records: number, random: SeededRandom): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const firstDay = LAST_DAY.getTime() - (DAYS - 1) * 86_400_000;
  for (let start = 0; start < records; start += ROWS_PER_WIDE_FILE) {
    const end = Math.min(records, start + ROWS_PER_WIDE_FILE);
    const rows: CsvValue[][] = [];
    for (let index = start; index < end; index++) {
      const day = firstDay + Math.floor((index * DAYS) / records) * 86_400_000;
      rows.push(wideRow(index + 1, day, random));
    }
    const path = join(folder, `bench-synthetic-wide-${String(files.length + 1).padStart(3, "0")}.csv`);
    writeCsv(path, wideHeader, rows);
    files.push({ path, records: rows.length, label: `rows ${start + 1}-${end}` });
  }
  return files;
}

/**
 * A small file of rows newer than any other (admitted after the dataset's last day, one per
 * district, long waits): appended to the cumulative dataset, it changes the first page of every
 * filter of the mixed workload (newest first), so an answer kept past its ingest is seen.
 */
export function writeLaterWideFile(path: string, batch: number, random: SeededRandom): GeneratedFile {
  const firstRecordNo = 10_000_000 + batch * districts.length;
  const admitted = new Date(LAST_DAY.getTime() + 86_400_000 + batch * 60_000);
  const day = admitted.getTime() - (admitted.getTime() % 86_400_000);
  const rows = districts.map((district, index) => wideRow(firstRecordNo + index, day, random, { admitted, district, waitMinutes: 300 }));
  writeCsv(path, wideHeader, rows);
  return { path, records: rows.length, label: `later rows, batch ${batch}` };
}
