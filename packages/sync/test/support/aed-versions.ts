/** The 18 hospitals with an A&E department, as HA's feed names them. */
const hospitals = [
  "Alice Ho Miu Ling Nethersole Hospital",
  "Caritas Medical Centre",
  "Kwong Wah Hospital",
  "North District Hospital",
  "North Lantau Hospital",
  "Princess Margaret Hospital",
  "Pok Oi Hospital",
  "Prince of Wales Hospital",
  "Pamela Youde Nethersole Eastern Hospital",
  "Queen Elizabeth Hospital",
  "Queen Mary Hospital",
  "Ruttonjee Hospital",
  "St John Hospital",
  "Tseung Kwan O Hospital",
  "Tuen Mun Hospital",
  "Tin Shui Wai Hospital",
  "United Christian Hospital",
  "Yan Chai Hospital",
];

export const AED_HOSPITAL_COUNT = hospitals.length;
export const AED_V2_EN = "https://www.ha.org.hk/opendata/aed/aedwtdata2-en.json";

const QUARTER_HOUR_MS = 15 * 60_000;
const HONG_KONG_OFFSET_MS = 8 * 3_600_000;
/** The archive keeps a version a little after the feed's own time. */
export const ARCHIVED_AFTER_MS = 3 * 60_000;

/** Hong Kong wall-clock parts of an instant. */
function hongKong(instant: Date) {
  const local = new Date(instant.getTime() + HONG_KONG_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

const two = (value: number) => String(value).padStart(2, "0");

/** "20260105-0433", as the archive writes a version's time (Hong Kong). */
export function archiveTimestamp(instant: Date): string {
  const { year, month, day, hour, minute } = hongKong(instant);
  return `${year}${two(month)}${two(day)}-${two(hour)}${two(minute)}`;
}

/** The feed's own time, as HA writes it: "5/1/2026 4:30AM". */
export function updateTimeText(instant: Date): string {
  const { year, month, day, hour, minute } = hongKong(instant);
  return `${day}/${month}/${year} ${hour % 12 === 0 ? 12 : hour % 12}:${two(minute)}${hour < 12 ? "AM" : "PM"}`;
}

/** The feed's times every 15 minutes from `first`, `count` of them. */
export function quarterHours(first: Date, count: number): Date[] {
  return Array.from({ length: count }, (_, index) => new Date(first.getTime() + index * QUARTER_HOUR_MS));
}

/** One snapshot of the current (v2) feed, aedwtdata2-en.json, at `updateTime`: 18 hospitals. */
export function aedSnapshot(updateTime: Date): Buffer {
  const step = Math.round(updateTime.getTime() / QUARTER_HOUR_MS);
  const waitTime = hospitals.map((hospName, index) => ({
    hospName,
    t1wt: "0 minute",
    manageT1case: "N",
    t2wt: "less than 15 minutes",
    manageT2case: "N",
    t3p50: `${10 + ((step + index) % 40)} minutes`,
    t3p95: `${60 + ((step + index) % 90)} minutes`,
    t45p50: `${1 + ((step + index) % 5)} hours`,
    t45p95: `${3 + ((step + index) % 4)} hours`,
  }));
  return Buffer.from(JSON.stringify({ waitTime, updateTime: updateTimeText(updateTime) }));
}

/**
 * The archive of the v2 feed over `count` quarter hours from `first`: each version archived
 * ARCHIVED_AFTER_MS after its updateTime, so a record observed at the archive's time is wrong.
 */
export function archivedAedFeed(first: Date, count: number) {
  const byTimestamp = new Map(quarterHours(first, count).map((updateTime) => [archiveTimestamp(new Date(updateTime.getTime() + ARCHIVED_AFTER_MS)), updateTime]));
  return {
    timestamps: [...byTimestamp.keys()],
    updateTimes: [...byTimestamp.values()],
    body: (timestamp: string) => aedSnapshot(byTimestamp.get(timestamp)!),
  };
}
