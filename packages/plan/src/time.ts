const HONG_KONG_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant written in Hong Kong time with its offset, "2019-05-01T12:00:00+08:00"
 * (milliseconds only when there are some): how the agencies' own times read.
 */
export function toHongKongIso(instant: Date): string {
  const local = new Date(instant.getTime() + HONG_KONG_OFFSET_MS).toISOString(); // "…Z" shifted to HK
  const withoutZone = local.slice(0, -1);
  return `${withoutZone.endsWith(".000") ? withoutZone.slice(0, -4) : withoutZone}+08:00`;
}

/** Parses an ISO 8601 date-time; one written without a zone is Hong Kong time. */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "00", fraction = "", zone] = match;
  const offset = zone ? (zone.toUpperCase() === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : "+08:00";
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject impossible calendar dates that Date would roll over (2024-02-30).
  const local = zone ? undefined : toHongKongIso(date).slice(0, 10);
  return local === undefined || local === `${year}-${month}-${day}` ? date : undefined;
}
