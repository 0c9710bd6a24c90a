// Reading a record's values back as typed ones. The ingest has already normalised them
// (numbers as numbers, dates "YYYY-MM-DD"), but a column that mixes text and numbers keeps
// each value as it came, so every reader here takes either.

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
// "1234", "-3", "7,481,800": whole numbers, thousands separated or not.
const integerPattern = /^-?(\d{1,3}(,\d{3})+|\d+)$/;
// "81.3", "7,346.1", ".5" is not how the agencies write numbers, so it is not read as one.
const decimalPattern = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Text as published, or null for a missing value. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/** A calendar date "YYYY-MM-DD", or null when the value is not one ("Asymptomatic", "Pending"). */
export function isoDateOf(value: unknown): string | null {
  return typeof value === "string" && isoDatePattern.test(value) ? value : null;
}

/** A number written as a number or as text ("7,346.1"), or null when the value is text ("N.A."). */
export function numberOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = textOf(value);
  return text !== null && decimalPattern.test(text) ? Number(text.replaceAll(",", "")) : null;
}

/** A whole number, or null when the value is anything else ("<1", "Pending", 2.5). */
export function integerOf(value: unknown): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : null;
  const text = textOf(value);
  if (text === null || !integerPattern.test(text)) return null;
  const number = Number(text.replaceAll(",", ""));
  return Number.isSafeInteger(number) ? number : null;
}
