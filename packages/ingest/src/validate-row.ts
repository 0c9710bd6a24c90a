import type { z } from "zod";
import { IngestError } from "./errors.js";
import type { RawRow } from "./formats/index.js";
import { baseRowSchema, rowSchemas } from "./row-schemas.js";

/** Checks records against the base schema and the dataset's own, if it has one. */
export function rowValidator(datasetId: string, source: string): (row: RawRow) => void {
  const schemas: z.ZodType[] = [baseRowSchema, ...(rowSchemas[datasetId] ? [rowSchemas[datasetId]] : [])];
  return (row) => {
    for (const schema of schemas) {
      const result = schema.safeParse(row.fields);
      if (!result.success) throw rowError(source, row, result.error.issues[0]);
    }
  };
}

/** The first problem, at the record's location and field, with the value the file has there. */
function rowError(source: string, row: RawRow, issue: z.core.$ZodIssue | undefined): IngestError {
  const key = issue?.path[0];
  const field = key === undefined ? undefined : String(key);
  const value = field === undefined ? undefined : row.fields[field];
  const got = value === undefined ? "" : ` (got ${quote(value)})`;
  return new IngestError(source, `${issue?.message ?? "is not a valid record"}${got}`, row.location, field);
}

function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
