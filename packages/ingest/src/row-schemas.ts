import { z } from "zod";

/*
 * What a record must look like before it is stored. Every record must pass `baseRowSchema`; the
 * datasets whose published layout we know must also pass theirs in `rowSchemas`. Schemas check
 * the values as the file gives them (CSV text, JSON numbers...), before normaliseValue. Extra
 * fields are allowed: publishers add columns, and a new column is no reason to refuse a file.
 */

/** Messages that say what was expected, and "is missing" when the field is not there at all. */
function expecting(expected: string) {
  return (issue: { readonly input?: unknown }) => (issue.input === undefined ? `is missing (expected ${expected})` : `must be ${expected}`);
}

const text = () => z.string({ error: expecting("text") });
const nonEmptyText = () => text().trim().min(1, "must not be empty");
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expecting(`one of ${values.map((value) => JSON.stringify(value)).join(", ")}`) });

/** A number, as JSON and XLSX give it or as digits in text (CSV). */
const numeric = (bounds?: { readonly min: number; readonly max: number; readonly outside: string }) => {
  let number = z.number({ error: expecting("a number") });
  if (bounds) number = number.min(bounds.min, bounds.outside).max(bounds.max, bounds.outside);
  return z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), number);
};

/** A count, as text of digits (the CSV files write every value as text). */
const count = () => text().regex(/^\d+$/, "must be a whole number of zero or more, written in digits");

/**
 * A record: named fields holding text, numbers, true/false or nothing. Rows that plainly pass it
 * skip it (isPlainRow in validate-row.ts, which must accept nothing this refuses).
 */
export const baseRowSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()], { error: "must be text, a number, true, false or empty" }))
  .superRefine((row, context) => {
    if (Object.hasOwn(row, "")) context.addIssue({ code: "custom", message: "a field needs a name", path: [""] });
  });

// HA's A&E waiting time. v2 (aedwtdata2-en.json, from 2023): waiting times per triage category.
const aedV2Row = z.object({
  hospName: nonEmptyText(),
  t1wt: text(),
  manageT1case: oneOf(["Y", "N"]).optional(),
  t2wt: text(),
  manageT2case: oneOf(["Y", "N"]).optional(),
  t3p50: text(),
  t3p95: text(),
  t45p50: text(),
  t45p95: text(),
});
// v1 (aedwtdata-en.json): one wording of the top wait ("Over 2 hours").
const aedV1Row = z.object({ hospName: nonEmptyText(), topWait: text() });
// The 2019 history CSV: v1 rows with topWait in hours and the time in each row.
const aedHistoryRow = z.object({
  hospName: nonEmptyText(),
  topWait: numeric(),
  updateTime: nonEmptyText(),
  updateDate: z.iso.date({ error: expecting('a date "YYYY-MM-DD"') }),
});

/**
 * A&E files come in three layouts, and a row's keys say which one it follows; checking it against
 * that one alone gives a message about the field at fault rather than "matches no layout".
 */
const aedRow = z.record(z.string(), z.unknown()).superRefine((row, context) => {
  const layout = !("topWait" in row) ? aedV2Row : "updateTime" in row || "updateDate" in row ? aedHistoryRow : aedV1Row;
  const result = layout.safeParse(row);
  for (const issue of result.error?.issues ?? []) context.addIssue({ code: "custom", message: issue.message, path: issue.path });
});

const doseColumns = ["Sinovac", "BioNTech"].flatMap((vaccine) =>
  ["1st", "2nd", "3rd", "4th", "5th", "6th"].map((dose) => `${vaccine} ${dose} dose`),
);

// HB's vaccination-rates-over-time-by-age.csv: doses given per day, age group and sex.
const vaccinationRow = z.object({
  Date: z.iso.date({ error: expecting('a date "YYYY-MM-DD"') }),
  "Age Group": nonEmptyText(),
  Sex: oneOf(["M", "F"]),
  ...Object.fromEntries(doseColumns.map((column) => [column, count()])),
});

// HA's facility-hosp/-sop/-gop.json: names in both languages and a place in Hong Kong.
const facilityRow = z.object({
  institution_eng: nonEmptyText(),
  institution_tc: nonEmptyText(),
  latitude: numeric({ min: 22.1, max: 22.6, outside: "must be a latitude in Hong Kong (22.1 to 22.6 degrees north)" }),
  longitude: numeric({ min: 113.8, max: 114.5, outside: "must be a longitude in Hong Kong (113.8 to 114.5 degrees east)" }),
});

/** Row schemas of the datasets whose published layout is known, by dataset id. */
export const rowSchemas: Readonly<Record<string, z.ZodType>> = {
  "ha-aed-waiting-time": aedRow,
  "hb-covid19-vaccination-by-age": vaccinationRow,
  "ha-facility-directory": facilityRow,
};
