import type { RecordFieldInfo } from "@hkhealth/store";
import { mergeFieldType, type FieldType } from "./values.js";

/**
 * A dataset's fields and the type their values agree on, starting from the ones stored and
 * merging in each value of a file. A field whose values have all been missing so far has no
 * type yet, so it is not saved until a value arrives.
 */
export class FieldTypes {
  // A Map keeps the order fields first appear in.
  readonly #types = new Map<string, FieldType | null>();
  readonly #positions = new Map<string, number>();

  constructor(stored: readonly RecordFieldInfo[]) {
    for (const field of stored) {
      this.#types.set(field.name, field.type);
      this.#positions.set(field.name, field.position);
    }
  }

  add(name: string, type: FieldType | null): void {
    const current = this.#types.get(name);
    if (current === undefined || (current !== type && type !== null)) this.#types.set(name, mergeFieldType(current, type));
  }

  /** Every field with a type: stored ones at their positions, new ones after them in order of appearance. */
  list(): RecordFieldInfo[] {
    let next = Math.max(0, ...this.#positions.values()) + 1;
    const fields: RecordFieldInfo[] = [];
    for (const [name, type] of this.#types) {
      if (type === null) continue;
      fields.push({ name, type, position: this.#positions.get(name) ?? next++ });
    }
    return fields;
  }
}
