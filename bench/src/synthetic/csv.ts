import { writeFileSync } from "node:fs";

export type CsvValue = string | number | null;

/** One CSV cell: empty for null, quoted when it holds a comma, a quote or a line break. */
function cell(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes a header and rows as RFC 4180 CSV (LF line ends, UTF-8). */
export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): void {
  const lines = [header.map(cell).join(",")];
  for (const row of rows) lines.push(row.map(cell).join(","));
  writeFileSync(path, `${lines.join("\n")}\n`);
}

/** "2/1/2026 4:30PM": how HA's A&E feed writes its updateTime (Hong Kong time). */
export function hongKongDayFirst(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000);
  const hour = local.getUTCHours();
  const minute = String(local.getUTCMinutes()).padStart(2, "0");
  const meridiem = hour < 12 ? "AM" : "PM";
  return `${local.getUTCDate()}/${local.getUTCMonth() + 1}/${local.getUTCFullYear()} ${hour % 12 || 12}:${minute}${meridiem}`;
}

/** "2026-01-02": an ISO date in Hong Kong. */
export function hongKongDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** "2026-01-02T16:30:00": a Hong Kong local time without zone, as agencies write them. */
export function hongKongLocalTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
}
