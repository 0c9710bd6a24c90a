import { sqlLiteral, SqlParams } from "@hkhealth/store";

export { SqlParams };

/*
 * SQL pieces the Health Bureau's typed views share. Values always travel as parameters; only
 * code constants (JSON keys of a published layout) are written into the text.
 */

/** A JSON key of a published layout as an SQL string literal. */
export const jsonKey = sqlLiteral;

/** The text of a record field, or NULL (`r` is the record row). */
export function fieldText(name: string): string {
  return `nullif(btrim(r.fields->>${jsonKey(name)}), '')`;
}

/** The number in a record field, or NULL. */
export function fieldNumber(name: string): string {
  return `(r.fields->>${jsonKey(name)})::float8`;
}

/**
 * A name as compared when a client filters by it: trimmed, case-folded, and without the trailing
 * "District" / "區" that the same district is written with in some places and not others
 * ("Kwai Tsing" = "kwai tsing district", "葵青" = "葵青區"). Applied to both sides in SQL.
 */
export function comparableName(expression: string): string {
  return `lower(regexp_replace(btrim(${expression}), '(\\s+district|區)$', '', 'i'))`;
}
