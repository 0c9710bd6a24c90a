import type { RawValue } from "./formats/types.js";

/** What a column holds, decided value by value (normaliseValue) and over a file (mergeFieldType). */
export type FieldType = "STRING" | "NUMBER" | "BOOLEAN" | "DATE" | "DATETIME";

export interface NormalisedValue {
  readonly value: string | number | boolean | null;
  /** null for a missing value, which says nothing about its column's type. */
  readonly type: FieldType | null;
}

/** Hong Kong has had no daylight saving since 1979: local time is always UTC+8. */
const hongKongOffsetMinutes = 8 * 60;

/**
 * One value as the store keeps it. Text is trimmed, then:
 * - "" is missing (null);
 * - a number written the way JavaScript writes it back becomes a number ("12", "-3.5"); text that
 *   would change ("001", "1,234", "1e5", ".5") stays text, as it is more likely a code or a label;
 * - "2021-02-22" and Hong Kong's day-first "22/2/2021" become DATE "2021-02-22";
 * - a date with a time becomes DATETIME, written with Hong Kong's offset
 *   ("2019-04-18T23:45:00+08:00"): taken as Hong Kong time without a zone, converted with one;
 * - anything else, "true" and "false" included, stays text.
 * Numbers and booleans from JSON or XLSX are kept as they are.
 */
export function normaliseValue(raw: RawValue): NormalisedValue {
  const slot: NormalisedSlot = { value: null, type: null };
  normaliseInto(raw, slot);
  return slot;
}

/** Where normaliseInto puts a value: one slot serves every value of a file. */
export interface NormalisedSlot {
  value: string | number | boolean | null;
  type: FieldType | null;
}

/** normaliseValue, writing into `slot` rather than a new object: the ingest's path, run for every value of every record. */
export function normaliseInto(raw: RawValue, slot: NormalisedSlot): void {
  if (raw === null) return fill(slot, null, null);
  if (typeof raw === "boolean") return fill(slot, raw, "BOOLEAN");
  if (typeof raw === "number") return Number.isFinite(raw) ? fill(slot, raw, "NUMBER") : fill(slot, String(raw), "STRING");
  const text = raw.trim();
  if (text === "") return fill(slot, null, null);
  const first = text.charCodeAt(0);
  const digitFirst = first >= 48 && first <= 57; // 0-9
  // A number written back ("12", "-3.5") starts with a digit or "-"; both date patterns start with a digit.
  if (digitFirst || first === 45) {
    const number = Number(text);
    if (Number.isFinite(number) && String(number) === text) return fill(slot, number, "NUMBER");
  }
  const reading = digitFirst ? readDateTime(text) : undefined;
  if (reading === undefined) return fill(slot, text, "STRING");
  if (reading.time === undefined) return fill(slot, isoDate(reading.date), "DATE");
  // Without a zone the text is Hong Kong time already: written back as it is, with the offset.
  const value = reading.offsetMinutes === undefined ? hongKongWallClockIso(reading.date, reading.time) : hongKongIso(instantOf(reading));
  return fill(slot, value, "DATETIME");
}

function fill(slot: NormalisedSlot, value: string | number | boolean | null, type: FieldType | null): void {
  slot.value = value;
  slot.type = type;
}

/**
 * The instant a date or date-time text names, with the recognisers of normaliseValue; a date
 * alone is midnight in Hong Kong. For a file's observation time, e.g. A&E's "20/1/2026 4:30AM".
 */
export function parseHongKongDateTime(text: string): Date | undefined {
  const reading = readDateTime(text.trim());
  return reading === undefined ? undefined : new Date(instantOf(reading));
}

/**
 * A column's type over its values: the same type stays; numbers mixed with text, or any other
 * mix, become STRING, except dates mixed with date-times, which become DATETIME. Missing values
 * (null) change nothing; `a` is undefined before the first value.
 */
export function mergeFieldType(a: FieldType | null | undefined, b: FieldType | null): FieldType | null {
  if (a === null || a === undefined) return b;
  if (b === null || a === b) return a;
  const mix = new Set([a, b]);
  return mix.has("DATE") && mix.has("DATETIME") ? "DATETIME" : "STRING";
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

interface DateTimeReading {
  readonly date: CalendarDate;
  readonly time?: ClockTime | undefined;
  /** The text's own zone; undefined means Hong Kong time. */
  readonly offsetMinutes?: number | undefined;
}

// "2021-02-22", "2019-04-18 23:45:00", "2019-04-18T23:45", "2026-01-19T20:30:00.5Z", "...+08:00"
const isoPattern =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d+))?)?(?<zone>Z|[+-]\d{2}:?\d{2})?)?$/i;

// Day first, as Hong Kong writes dates: "22/2/2021", "20/1/2026 4:30AM", "9/3/2020 6:30pm", "08/01/2020 12:00"
const dayFirstPattern =
  /^(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<meridiem>[AP]M)?)?$/i;

function readDateTime(text: string): DateTimeReading | undefined {
  const groups = (isoPattern.exec(text) ?? dayFirstPattern.exec(text))?.groups;
  if (groups === undefined) return undefined;
  const date = calendarDate(Number(groups["year"]), Number(groups["month"]), Number(groups["day"]));
  if (date === undefined) return undefined;
  if (groups["hour"] === undefined) return { date };
  const time = clockTime(groups);
  const offsetMinutes = groups["zone"] === undefined ? undefined : zoneOffset(groups["zone"]);
  if (time === undefined || offsetMinutes === null) return undefined;
  return { date, time, offsetMinutes };
}

function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function clockTime(groups: Record<string, string | undefined>): ClockTime | undefined {
  let hour = Number(groups["hour"]);
  const minute = Number(groups["minute"]);
  const second = Number(groups["second"] ?? 0);
  const millisecond = Number((groups["fraction"] ?? "").padEnd(3, "0").slice(0, 3)); // finer digits dropped
  const meridiem = groups["meridiem"]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "PM" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, millisecond };
}

/** Minutes east of UTC for "Z", "+08:00" or "-0530"; null when out of range. */
function zoneOffset(zone: string): number | null {
  if (zone.toUpperCase() === "Z") return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}

function instantOf({ date, time, offsetMinutes }: DateTimeReading): number {
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  utc.setUTCHours(time?.hour ?? 0, time?.minute ?? 0, time?.second ?? 0, time?.millisecond ?? 0);
  return utc.getTime() - (offsetMinutes ?? hongKongOffsetMinutes) * 60_000;
}

function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** "2019-04-18T23:45:00+08:00"; milliseconds only when there are some. */
function hongKongIso(instant: number): string {
  const local = new Date(instant + hongKongOffsetMinutes * 60_000).toISOString();
  return `${local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23)}+08:00`;
}

/**
 * hongKongIso(instantOf(reading)) for a reading without a zone, without the round trip through
 * Date: the wall-clock time as read, with Hong Kong's offset.
 */
function hongKongWallClockIso(date: CalendarDate, { hour, minute, second, millisecond }: ClockTime): string {
  const fraction = millisecond === 0 ? "" : `.${String(millisecond).padStart(3, "0")}`;
  return `${isoDate(date)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}+08:00`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
