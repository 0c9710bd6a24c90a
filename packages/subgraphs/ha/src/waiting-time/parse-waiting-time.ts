/** What a waiting time's number means: the wait itself, or a bound on it. */
export enum WaitBound {
  EXACT = "EXACT",
  AT_MOST = "AT_MOST",
  AT_LEAST = "AT_LEAST",
  ABOUT = "ABOUT",
}

/** A waiting time as published, with the number of minutes it stands for. */
export interface ParsedWaitingTime {
  /** The text as the feed wrote it. */
  readonly text: string;
  /** null when the text could not be read. */
  readonly minutes: number | null;
  readonly bound: WaitBound;
}

// HA's English wording ("less than 15 minutes", "Over 4 hours", "Around 1 hour") and the
// Chinese feeds' equivalents (少於, 超過, 約).
const qualifiers: ReadonlyArray<readonly [RegExp, WaitBound]> = [
  [/^(?:less than|fewer than|under|below|within|up to|not more than|<=?|≤|少於|少于|不多於|不多于)\s*/, WaitBound.AT_MOST],
  [/^(?:over|more than|above|at least|not less than|>=?|≥|超過|超过|多於|多于)\s*/, WaitBound.AT_LEAST],
  [/^(?:around|about|approximately|approx\.?|roughly|~|約|约|大約|大约)\s*/, WaitBound.ABOUT],
];

const amount = /^(\d+(?:\.\d+)?)\s*(minutes?|mins?\.?|m|hours?|hrs?\.?|h|分鐘|分钟|小時|小时)$/;

const minutesPerUnit = (unit: string): number => (/^(h|小)/.test(unit) ? 60 : 1);

/**
 * Reads one of HA's waiting-time texts: "0 minute", "28 minutes" and "3.5 hours" are EXACT,
 * "less than 15 minutes" AT_MOST 15, "Over 4 hours" AT_LEAST 240, "Around 1 hour" ABOUT 60.
 * Text it cannot read keeps its words with minutes null (and ABOUT, the bound that claims
 * least): a feed that changes its wording must not fail the whole answer.
 */
export function parseWaitingTime(text: string): ParsedWaitingTime {
  const words = text.trim().replace(/\s+/g, " ").toLowerCase();
  let rest = words;
  let bound = WaitBound.EXACT;
  for (const [pattern, meaning] of qualifiers) {
    const match = pattern.exec(rest);
    if (match) {
      bound = meaning;
      rest = rest.slice(match[0].length);
      break;
    }
  }
  const reading = amount.exec(rest);
  if (!reading) return { text, minutes: null, bound: WaitBound.ABOUT };
  const [, number = "", unit = ""] = reading;
  return { text, minutes: Math.round(Number(number) * minutesPerUnit(unit)), bound };
}

/**
 * A number of hours from the 2019 history file (AnE_Data.csv, g0vhk). Its author turned HA's
 * v1 texts into numbers ("Around 1 hour" -> 0.5, "Over N hours" -> N + 0.5, a mapping the script
 * marks "to be confirmed"): the midpoint of HA's one-hour steps, an estimate rather than what
 * HA said, so the minutes are the number as written and the bound is ABOUT.
 */
export function waitingTimeFromHours(hours: number): ParsedWaitingTime {
  return { text: String(hours), minutes: Math.round(hours * 60), bound: WaitBound.ABOUT };
}

/**
 * A waiting-time field of a record as the store keeps it: text is read with parseWaitingTime;
 * a number (the ingest turns numeric text into numbers) is a number of hours from the history
 * file; a missing value is null (the field is not in that snapshot's format).
 */
export function waitingTimeOfValue(value: unknown): ParsedWaitingTime | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? waitingTimeFromHours(value) : null;
  const text = String(value).trim();
  if (text === "") return null;
  // A number of hours kept as text in a STRING field (topWait of the 2019 history: "0.5").
  const hours = /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  return hours === undefined ? parseWaitingTime(text) : waitingTimeFromHours(hours);
}
