import type { FieldType } from "./values.js";

/** Fields by name, or by a pattern of names, and the type declared for them. */
type Declarations = ReadonlyArray<readonly [string | RegExp, FieldType]>;

/**
 * Field types datasets declare, for fields their published layouts give in different types. A
 * declared type is established from the first file on, so every layout fits it in any order;
 * any other field is established by the first file that has values for it (field-types.ts).
 */
const declarations: Readonly<Record<string, Declarations>> = {
  // A&E: the v1 feed's topWait is text ("Over 2 hours"); the 2019 history's, the hours derived from it.
  "ha-aed-waiting-time": [["topWait", "STRING"]],
  // Health Facts: the XLSX's year columns hold numbers (15298); the CSV's the same as text ("15,298", "N.A.").
  "dh-health-facts": [[/^\d{4}$/, "STRING"]],
};

/** The type a dataset declares for a field name, if any. */
export type DeclaredFieldType = (name: string) => FieldType | undefined;

export function declaredFieldTypes(datasetId: string): DeclaredFieldType {
  const declared = declarations[datasetId] ?? [];
  return (name) => declared.find(([names]) => (typeof names === "string" ? names === name : names.test(name)))?.[1];
}
