import type { z } from "zod";
import { IngestError, quoteValue } from "./errors.js";
import type { RawRow, RawValue } from "./formats/index.js";
import { baseRowSchema, rowSchemas } from "./row-schemas.js";

/**
 * Checks records against the base schema and the dataset's own, if it has one. A row that
 * plainly passes the base schema (isPlainRow) is not run through zod for it; any other row is,
 * so a row that fails gets zod's own first issue, as before.
 */
export function rowValidator(datasetId: string, source: string): (row: RawRow) => void {
  const own: z.ZodType | undefined = rowSchemas[datasetId];
  return (row) => {
    if (!isPlainRow(row.fields)) check(baseRowSchema, source, row);
    if (own) check(own, source, row);
  };
}

function check(schema: z.ZodType, source: string, row: RawRow): void {
  const result = schema.safeParse(row.fields);
  if (!result.success) throw rowError(source, row, result.error.issues[0]);
}

/**
 * True only for what baseRowSchema accepts: a plain object whose fields all have a name and
 * hold text, a finite number, true, false or null, as every reader gives them. False sends the
 * row to baseRowSchema itself, which accepts a few more (a "__proto__" field, which it skips) or
 * says what is wrong.
 */
export function isPlainRow(fields: Readonly<Record<string, RawValue>>): boolean {
  if (Object.getPrototypeOf(fields) !== Object.prototype) return false;
  for (const name of Object.keys(fields)) {
    if (name === "") return false;
    const value: unknown = fields[name];
    if (!(typeof value === "string" || value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value)))) return false;
  }
  return true;
}

/** The first problem, at the record's location and field, with the value the file has there. */
function rowError(source: string, row: RawRow, issue: z.core.$ZodIssue | undefined): IngestError {
  const key = issue?.path[0];
  const field = key === undefined ? undefined : String(key);
  const value = field === undefined ? undefined : row.fields[field];
  const got = value === undefined ? "" : ` (got ${quoteValue(value)})`;
  return new IngestError(source, `${issue?.message ?? "is not a valid record"}${got}`, row.location, field);
}
