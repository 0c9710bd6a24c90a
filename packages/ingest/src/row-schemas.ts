import { datasetDefinitions } from "@hkhealth/plan";
import { z } from "zod";

/*
 * What a record must look like before it is stored. Every record must pass `baseRowSchema`; the
 * datasets whose published layout we know must also pass the row schema their module declares.
 * Schemas check the values as the file gives them (CSV text, JSON numbers...), before
 * normaliseValue. Extra fields are allowed: a new column is no reason to refuse a file.
 */

/**
 * A record: named fields holding text, numbers, true/false or nothing. Rows that plainly pass it
 * skip it (isPlainRow in validate-row.ts, which must accept nothing this refuses).
 */
export const baseRowSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "must be text, a number, true, false or empty" }))
  .superRefine((row, context) => {
    if (Object.hasOwn(row, "")) context.addIssue({ code: "custom", message: "a field needs a name", path: [""] });
  });

/** Row schemas of the datasets whose published layout is known, by dataset id (from their modules). */
export const rowSchemas: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  datasetDefinitions.flatMap((definition) => (definition.rowSchema ? [[definition.id, definition.rowSchema]] : [])),
);
