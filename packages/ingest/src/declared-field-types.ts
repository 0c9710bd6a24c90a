import type { FieldType } from "./values.js";

/**
 * Field types a dataset declares, for fields its published layouts give in different types. A
 * declared type is established from the first file on, so every layout fits it in any order;
 * any other field is established by the first file that has values for it (field-types.ts).
 */
export const declaredFieldTypes: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = {
  // A&E: the v1 feed's topWait is text ("Over 2 hours"); the 2019 history's, the hours derived from it.
  "ha-aed-waiting-time": { topWait: "STRING" },
};
