import type { Fail } from "./fail.js";
import type { RawValue } from "./types.js";

/** A parsed JSON value, or an element as fast-xml-parser returns it. */
export type Tree = RawValue | readonly Tree[] | { readonly [key: string]: Tree };

export interface FlattenOptions {
  readonly fail: Fail;
  /**
   * Arrays inside a record: "index" numbers their items ("phones.0", "phones.1"), as JSON
   * needs; "reject" fails, as XML needs, where an array means a child element that repeats.
   */
  readonly arrays: "index" | "reject";
  /** A key whose value belongs to its parent's own name: XML's "#text" next to attributes. */
  readonly textKey?: string;
}

/**
 * One record as flat fields of primitives: nested objects become dot keys ("address.street"),
 * so a record from JSON or XML looks like a CSV row to the writer. An empty object or array
 * becomes null, so its column is still seen.
 */
export function flattenRecord(record: TreeObject, options: FlattenOptions): Record<string, RawValue> {
  // A Map, then fromEntries: a key such as "__proto__" stays an ordinary field.
  const fields = new Map<string, RawValue>();
  const put = (key: string, value: RawValue) => {
    if (fields.has(key)) options.fail("two values flatten to the same field name", key);
    fields.set(key, value);
  };
  const visit = (value: Tree, key: string): void => {
    if (value === null || typeof value !== "object") return put(key, value);
    if (isTreeArray(value)) {
      if (options.arrays === "reject") options.fail(`repeats ${value.length} times where one value is expected`, key);
      if (value.length === 0) return put(key, null);
      value.forEach((item, index) => visit(item, `${key}.${index}`));
      return;
    }
    const entries = Object.entries(value);
    if (entries.length === 0) return put(key, null);
    for (const [name, child] of entries) visit(child, name === options.textKey ? key : `${key}.${name}`);
  };
  for (const [name, value] of Object.entries(record)) visit(value, name);
  return Object.fromEntries(fields);
}

export type TreeObject = { readonly [key: string]: Tree };

// Array.isArray does not narrow readonly arrays.
export function isTreeArray(value: Tree | undefined): value is readonly Tree[] {
  return Array.isArray(value);
}

export function isTreeObject(value: Tree | undefined): value is TreeObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
