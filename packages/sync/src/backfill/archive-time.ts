import { parseIsoDateTime } from "@hkhealth/plan";

/**
 * Days and times as the DATA.GOV.HK archive writes them. Its dates (YYYYMMDD) and version
 * timestamps (YYYYMMDD-HHMM) carry no zone: they are Hong Kong time (+08:00), like the agencies' own.
 */

/** A calendar day in Hong Kong, "2026-01-05". */
export type Day = string;

/** A span of whole days, both ends included. */
export interface DayRange {
  readonly start: Day;
  readonly end: Day;
}

const DAY_MS = 86_400_000;

/** The day, when `text` is a real one written YYYY-MM-DD; undefined otherwise (2026-02-30, 2026-1-5). */
export function parseDay(text: string): Day | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIsoDateTime(`${text}T00:00`) !== undefined ? text : undefined;
}

/** "2026-01-05" as the archive's query writes it: "20260105". */
export function archiveDate(day: Day): string {
  return day.replaceAll("-", "");
}

/** The instant of an archive timestamp, "20260105-0430" (Hong Kong time); undefined when it is not one. */
export function parseArchiveTimestamp(timestamp: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(timestamp);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match;
  return parseIsoDateTime(`${year}-${month}-${day}T${hour}:${minute}`); // no zone: Hong Kong time
}

/** The Hong Kong day a timestamp falls on. */
export function dayOfTimestamp(timestamp: string): Day {
  return `${timestamp.slice(0, 4)}-${timestamp.slice(4, 6)}-${timestamp.slice(6, 8)}`;
}

/** "2026-01" for a day or a timestamp's day. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

function dayNumber(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayAt(number: number): Day {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** How many days a range spans (1 for a single day). */
export function daysIn(range: DayRange): number {
  return dayNumber(range.end) - dayNumber(range.start) + 1;
}

/** The range cut in two halves of whole days (a range of two days or more). */
export function halves(range: DayRange): [DayRange, DayRange] {
  const middle = dayNumber(range.start) + Math.floor(daysIn(range) / 2) - 1;
  return [
    { start: range.start, end: dayAt(middle) },
    { start: dayAt(middle + 1), end: range.end },
  ];
}

/** The range cut at month ends: one piece per calendar month it touches, in order. */
export function monthsOf(range: DayRange): DayRange[] {
  const pieces: DayRange[] = [];
  let start = range.start;
  while (start <= range.end) {
    const [year, month] = start.split("-").map(Number) as [number, number];
    const lastOfMonth = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const end = lastOfMonth < range.end ? lastOfMonth : range.end;
    pieces.push({ start, end });
    start = dayAt(dayNumber(end) + 1);
  }
  return pieces;
}
