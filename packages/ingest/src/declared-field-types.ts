import { datasetDefinition } from "@hkhealth/plan";
import type { FieldType } from "./values.js";

/*
 * Field types datasets declare (their modules' declaredFieldTypes), for fields their published
 * layouts give in different types. A declared type is established from the first file on, so
 * every layout fits it in any order; any other field is established by the first file that has
 * values for it (field-types.ts).
 */

/** The type a dataset declares for a field name, if any. */
export type DeclaredFieldType = (name: string) => FieldType | undefined;

export function declaredFieldTypes(datasetId: string): DeclaredFieldType {
  const declared = datasetDefinition(datasetId)?.declaredFieldTypes ?? [];
  return (name) => declared.find(([names]) => (typeof names === "string" ? names === name : names.test(name)))?.[1];
}
