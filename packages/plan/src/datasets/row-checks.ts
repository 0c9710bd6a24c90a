import { z } from "zod";

/*
 * Building blocks of the datasets' row schemas. Schemas check values as the file gives them (CSV
 * text, JSON numbers...), before the ingest normalises them. Extra fields are allowed: publishers
 * add columns, and a new column is no reason to refuse a file.
 */

/** Messages that say what was expected, and "is missing" when the field is not there at all. */
export function expecting(expected: string) {
  return (issue: { readonly input?: unknown }) => (issue.input === undefined ? `is missing (expected ${expected})` : `must be ${expected}`);
}

export const text = () => z.string({ error: expecting("text") });
export const nonEmptyText = () => text().trim().min(1, "must not be empty");
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expecting(`one of ${values.map((value) => JSON.stringify(value)).join(", ")}`) });
export const isoDate = () => z.iso.date({ error: expecting('a date "YYYY-MM-DD"') });

/** A number, as JSON and XLSX give it or as digits in text (CSV). */
export const numeric = (bounds?: { readonly min: number; readonly max: number; readonly outside: string }) => {
  let number = z.number({ error: expecting("a number") });
  if (bounds) number = number.min(bounds.min, bounds.outside).max(bounds.max, bounds.outside);
  return z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), number);
};

/** A count, as text of digits (the CSV files write every value as text). */
export const count = () => text().regex(/^\d+$/, "must be a whole number of zero or more, written in digits");


/** A value JSON gives as text or as a number ("469.0", 469, "N/A"); empty or null where nothing was published. */
export const textOrNumber = () => z.union([z.string(), z.number(), z.null()], { error: expecting("text or a number") });
