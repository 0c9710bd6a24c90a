import type { RecordFieldInfo } from "@hkhealth/store";
import type { DeclaredFieldType } from "./declared-field-types.js";
import { mergeFieldType, type FieldType } from "./values.js";

/**
 * A dataset's fields and the type their values agree on, starting from the ones stored and
 * merging in each value of a file. A field whose values have all been missing so far has no
 * type yet, so it is not saved until a value arrives. A declared or stored type is established:
 * earlier files' records are typed by it, so a value that does not fit it is refused, not merged
 * (within a file, mixed values of a new field still make it STRING).
 */
export class FieldTypes {
  // A Map keeps the order fields first appear in.
  readonly #types = new Map<string, FieldType | null>();
  readonly #positions = new Map<string, number>();
  readonly #stored = new Map<string, FieldType>();
  readonly #declared: DeclaredFieldType;

  /** `declared`: the dataset's own types (declared-field-types.ts), which win over stored ones. */
  constructor(stored: readonly RecordFieldInfo[], declared: DeclaredFieldType = () => undefined) {
    for (const field of stored) {
      this.#types.set(field.name, field.type);
      this.#positions.set(field.name, field.position);
      this.#stored.set(field.name, field.type);
    }
    this.#declared = declared;
  }

  /** Merges a value's type into its field's; returns the established type it does not fit, if so (and merges nothing). */
  add(name: string, type: FieldType | null): FieldType | undefined {
    const current = this.#types.get(name);
    if (current !== undefined && (current === type || type === null)) return undefined;
    const established = this.#declared(name) ?? this.#stored.get(name);
    if (established === undefined) {
      this.#types.set(name, mergeFieldType(current, type));
      return undefined;
    }
    if (type !== null && mergeFieldType(established, type) !== established) return established;
    this.#types.set(name, established);
    return undefined;
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
