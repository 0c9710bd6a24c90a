import jsonc from "jsonc-parser";
import { IngestError } from "../errors.js";
import { failAt, type Fail } from "./fail.js";
import { flattenRecord, isTreeArray, isTreeObject, type Tree, type TreeObject } from "./flatten.js";
import { ingestLimits } from "../limits.js";
import { lineAndColumn, readText } from "./text.js";
import type { FormatParser, RawRow, RawValue } from "./types.js";

/**
 * Reads a JSON file whole. The records are the array at `recordPath`, else the root when it is an
 * array, else the one array-valued property of the root object (HA's A&E file: `waitTime`).
 * Each record must be an object; nested objects and arrays in it are flattened to dot keys
 * ("address.street", "phones.0"). `metadata` holds the root object's scalar properties
 * (A&E's `updateTime`). Locations are JSONPath: "$.waitTime[3]" (0-based), "$[3]" for a root array.
 */
export const parseJson: FormatParser = async ({ source, open, recordPath, limits = ingestLimits() }) => {
  const text = await readText(source, open, limits.maxDocumentBytes);
  checkStructure(source, text, limits.maxNesting);
  const root = parseDocument(source, text);
  const records = recordPath === undefined ? findRecordArray(source, root) : arrayAtPath(source, root, recordPath);
  return { metadata: isTreeObject(root) ? scalarProperties(root) : {}, rows: jsonRows(source, records) };
};

/**
 * What JSON.parse lets pass in silence or cannot survive, refused at its place: a key repeated
 * in one object (JSON.parse keeps the last value and drops the others) and nesting deeper than
 * `maxNesting` (which would exhaust the stack further on).
 */
function checkStructure(source: string, text: string, maxNesting: number): void {
  const keysOfOpenObjects: Array<Set<string> | undefined> = [];
  const open = (isObject: boolean, line: number, character: number) => {
    keysOfOpenObjects.push(isObject ? new Set() : undefined);
    if (keysOfOpenObjects.length > maxNesting) {
      const place = `line ${line + 1}, column ${character + 1}`;
      throw new IngestError(source, `objects and arrays are nested more than ${maxNesting} deep (INGEST_MAX_NESTING)`, place);
    }
  };
  const close = () => void keysOfOpenObjects.pop();
  jsonc.visit(text, {
    onObjectBegin: (_offset, _length, line, character) => open(true, line, character),
    onArrayBegin: (_offset, _length, line, character) => open(false, line, character),
    onObjectEnd: close,
    onArrayEnd: close,
    onObjectProperty: (property, _offset, _length, _line, _character, pathSupplier) => {
      const keys = keysOfOpenObjects.at(-1);
      if (keys === undefined) return;
      if (keys.has(property)) {
        throw new IngestError(source, "the key appears twice in one object (JSON would keep only the last value)", jsonPath(pathSupplier()), property);
      }
      keys.add(property);
    },
  });
}

/** "$.waitTime[3]" for ["waitTime", 3]. */
function jsonPath(segments: jsonc.JSONPath): string {
  return segments.reduce<string>((path, segment) => (typeof segment === "number" ? `${path}[${segment}]` : childPath(path, segment)), "$");
}

interface RecordArray {
  readonly items: readonly Tree[];
  /** JSONPath of the array, "$" for the root. */
  readonly path: string;
}

async function* jsonRows(source: string, { items, path }: RecordArray): AsyncGenerator<RawRow> {
  for (const [index, item] of items.entries()) {
    const location = `${path}[${index}]`;
    const fail: Fail = failAt(source, location);
    if (!isTreeObject(item)) fail(`a record must be an object, this is ${describe(item)}`);
    yield { ordinal: index + 1, location, fields: flattenRecord(item, { fail, arrays: "index" }) };
  }
}

function parseDocument(source: string, text: string): Tree {
  try {
    return JSON.parse(text) as Tree;
  } catch (error) {
    // V8's message often has no position; jsonc-parser finds where the text stops being JSON.
    const errors: jsonc.ParseError[] = [];
    jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) throw new IngestError(source, `not valid JSON: ${(error as Error).message}`);
    throw new IngestError(source, `not valid JSON: ${words(jsonc.printParseErrorCode(first.error))}`, lineAndColumn(text, first.offset));
  }
}

function findRecordArray(source: string, root: Tree): RecordArray {
  if (isTreeArray(root)) return { items: root, path: "$" };
  if (!isTreeObject(root)) throw new IngestError(source, `the top level is ${describe(root)}, not an array or object of records`, "$");
  const arrays = Object.entries(root).filter((entry): entry is [string, readonly Tree[]] => isTreeArray(entry[1]));
  const [only, ...others] = arrays;
  if (only !== undefined && others.length === 0) return { items: only[1], path: childPath("$", only[0]) };
  const found =
    arrays.length === 0
      ? `no array property, only ${Object.keys(root).join(", ") || "nothing"}`
      : `several array properties: ${arrays.map(([name, items]) => `${name} (${items.length} items)`).join(", ")}`;
  throw new IngestError(source, `cannot tell which array holds the records: the top-level object has ${found}; give recordPath`, "$");
}

function arrayAtPath(source: string, root: Tree, recordPath: string): RecordArray {
  let value = root;
  let path = "$";
  for (const name of recordPath.split(".")) {
    if (!isTreeObject(value) || !Object.hasOwn(value, name)) {
      throw new IngestError(source, `recordPath "${recordPath}" not found: ${path} has no property "${name}"`, path);
    }
    value = value[name] as Tree;
    path = childPath(path, name);
  }
  if (!isTreeArray(value)) throw new IngestError(source, `recordPath "${recordPath}" is ${describe(value)}, not an array of records`, path);
  return { items: value, path };
}

function scalarProperties(object: TreeObject): Record<string, RawValue> {
  return Object.fromEntries(Object.entries(object).filter((entry): entry is [string, RawValue] => !isTreeArray(entry[1]) && !isTreeObject(entry[1])));
}

/** JSONPath step: ".name" when the name is an identifier, else ["name"]. */
function childPath(path: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

function describe(value: Tree): string {
  if (value === null) return "null";
  if (isTreeArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return `a ${typeof value} (${text.length > 40 ? `${text.slice(0, 37)}...` : text})`;
}

/** "CommaExpected" -> "comma expected". */
function words(code: string): string {
  return code.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase();
}
