import { parseIsoDateTime } from "@hkhealth/plan";
import { likeEscape, recordFieldText, type SqlParams } from "./sql.js";
import { columnType, typedColumn } from "./typed-table.js";
import { RecordQueryError, type FieldFilter, type RecordSettings, type RecordFieldInfo } from "./types.js";

/** Looks a field up by name, or fails listing the dataset's fields. */
export function requireField(settings: RecordSettings, name: string): RecordFieldInfo {
  const field = settings.fields.find((candidate) => candidate.name === name);
  if (field) return field;
  const known = settings.fields.map((candidate) => JSON.stringify(candidate.name)).join(", ");
  throw new RecordQueryError(
    settings.fields.length === 0
      ? `Dataset "${settings.datasetId}" has no records yet, so it has no field ${JSON.stringify(name)}`
      : `Dataset "${settings.datasetId}" has no field ${JSON.stringify(name)}; its fields are: ${known}`,
  );
}

/** The SQL expression of a field's value: its typed column in the dataset's table `t` (typed-table.ts). */
export function fieldExpression(field: RecordFieldInfo): string {
  return `t.${typedColumn(field)}`;
}

/** "YYYY-MM-DD" naming a day that exists (not 2022-02-30). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** Checks a comparison value against the field's type; returns it as the JavaScript value it stands for. */
function checkedValue(field: RecordFieldInfo, operator: string, value: unknown): string | number | boolean {
  const wrong = (expected: string) =>
    new RecordQueryError(`Filter "${operator}" on ${field.type} field ${JSON.stringify(field.name)} needs ${expected}, got ${JSON.stringify(value)}`);
  switch (field.type) {
    case "NUMBER": {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof number !== "number" || !Number.isFinite(number)) throw wrong("a number");
      return number;
    }
    case "BOOLEAN":
      if (typeof value !== "boolean") throw wrong("true or false");
      return value;
    case "DATE":
      if (typeof value !== "string" || !isCalendarDate(value)) throw wrong('a date "YYYY-MM-DD"');
      return value;
    case "DATETIME": {
      // Only what PostgreSQL reads the same way: "2022" is a date to JavaScript, not to timestamptz.
      const instant = typeof value === "string" ? (isCalendarDate(value) ? parseIsoDateTime(`${value}T00:00`) : parseIsoDateTime(value)) : undefined;
      if (!instant) throw wrong('an ISO 8601 date-time ("2019-05-01T12:00:00+08:00") or a date');
      return instant.toISOString();
    }
    case "STRING":
      if (typeof value === "object" && value !== null) throw wrong("a string");
      return String(value);
  }
}

/** A comparison value as a parameter cast to the field's column type. */
export function comparisonValue(field: RecordFieldInfo, operator: string, value: unknown, params: SqlParams): string {
  const checked = checkedValue(field, operator, value);
  return params.add(typeof checked === "number" ? String(checked) : checked, columnType(field.type));
}

/** A number as the ingest reads one from text, the way JavaScript writes it back: "12", "-3.5", not "001" or "1,234". */
const numericText = "^-?(0|[1-9][0-9]*)([.][0-9]*[1-9])?$";

/** A comparison value that is a number, or text that is one; undefined otherwise. */
function numericValue(value: unknown): number | undefined {
  const number = typeof value === "string" && new RegExp(numericText).test(value.trim()) ? Number(value.trim()) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

/**
 * gt/gte/lt/lte on a STRING field. Published text fields mix numbers and text (CHP's Age: "45",
 * "<1", "Pending"): a number compares numerically with the values that are numbers, and the
 * others (text) never match; anything else compares as text.
 */
function stringComparison(field: RecordFieldInfo, name: string, operator: string, value: unknown, params: SqlParams): string {
  const number = numericValue(value);
  const text = fieldExpression(field);
  if (number === undefined) return `${text} ${operator} ${comparisonValue(field, name, value, params)}`;
  // A number stored as one has this text too (the ingest writes numbers as JavaScript does).
  const numeric = `CASE WHEN ${text} ~ '${numericText}' THEN ${text}::numeric END`;
  return `${numeric} ${operator} ${params.add(String(number), "numeric")}`;
}

/** SQL conditions for one FieldFilter (all its operators must hold). */
export function filterConditions(settings: RecordSettings, filter: FieldFilter, params: SqlParams): string[] {
  const field = requireField(settings, filter.field);
  const expression = fieldExpression(field);
  const conditions: string[] = [];
  const comparisons = [
    ["gt", ">", filter.gt],
    ["gte", ">=", filter.gte],
    ["lt", "<", filter.lt],
    ["lte", "<=", filter.lte],
  ] as const;
  // A field missing from a record and one published as null are both NULL in its column.
  if (filter.eq !== undefined) conditions.push(filter.eq === null ? `${expression} IS NULL` : `${expression} = ${comparisonValue(field, "eq", filter.eq, params)}`);
  if (filter.in != null) {
    if (filter.in.length === 0) conditions.push("FALSE");
    else if (filter.in.length > 1000) throw new RecordQueryError(`Filter "in" takes at most 1000 values, got ${filter.in.length}`);
    else conditions.push(`${expression} IN (${filter.in.map((value) => comparisonValue(field, "in", value, params)).join(", ")})`);
  }
  for (const [name, operator, value] of comparisons) {
    if (value === undefined || value === null) continue;
    conditions.push(
      field.type === "STRING" ? stringComparison(field, name, operator, value, params) : `${expression} ${operator} ${comparisonValue(field, name, value, params)}`,
    );
  }
  if (filter.contains != null) {
    // Matched in the value's text as published: a DATETIME's is in the record (its column has lost the offset).
    const text = field.type === "DATETIME" ? `(${recordFieldText("r", field.name)})` : field.type === "STRING" || field.type === "DATE" ? expression : `${expression}::text`;
    conditions.push(`${text} ILIKE ${params.add(`%${likeEscape(filter.contains)}%`)}`);
  }
  if (conditions.length === 0) {
    throw new RecordQueryError(`Filter on ${JSON.stringify(field.name)} gives no condition: use eq, in, gt, gte, lt, lte or contains`);
  }
  return conditions;
}
